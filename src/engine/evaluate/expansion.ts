// count / for_each: how many instances a resource or module call has, and their addresses.
import { createHash } from 'node:crypto';
import { evaluateJson, type Scope } from './evaluate.js';
import { LimitError, budget } from './limits.js';
import { Alternatives, possibleValues } from './alternatives.js';
import { MergedMaps, mergedEntry } from './fallbacks.js';
import { joinedParts, knownElements } from './partial-lists.js';
import {
  Ref,
  Unknown,
  display,
  isEveryInstance,
  isObject,
  notKnownThrough,
  toNumberValue,
  toStringValue,
  valuesEqual,
  type ObjectValue,
  type Value,
} from './value.js';

/** How a resource or module call expands. */
export type Expansion =
  | { kind: 'single' }
  /**
   * Known keys; `rest`: more instances whose keys are not known here (a set with unknown
   * elements beside known ones: `toset(concat(var.cidrs, [data.x.cidr]))` has an instance per
   * known CIDR, each a change of its own, and zero or more others)
   */
  | {
      kind: 'instances';
      /** `conditional`: the for_each not known here when this instance exists only for some of its values. */
      keys: { key: string | number; scope: Record<string, Value>; conditional?: Unknown }[];
      rest?: Extract<Expansion, { kind: 'unknown' }>;
    }
  /**
   * Keys unknown; `mayBeEmpty` unless there are known to be instances (above max_instances);
   * `setOutside`: the root variables whose value, set outside the repository, creates them.
   */
  | { kind: 'unknown'; unknown: Unknown; scope: Record<string, Value>; mayBeEmpty: boolean; setOutside?: string[] };

export function instanceAddress(base: string, key: string | number | null | '*'): string {
  if (key === null) return base;
  if (key === '*') return `${base}[*]`;
  return typeof key === 'number' ? `${base}[${key}]` : `${base}[${JSON.stringify(key)}]`;
}

/** An address with every instance key dropped: `module.a["k"].aws_security_group.x[0]` → `module.a.aws_security_group.x`. */
export function withoutInstanceKeys(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/**
 * More instances than max_instances (`count = 1e9`): analysed as one instance whose key is
 * unknown, like an unknown count, so what each instance opens is still reported.
 */
function tooMany(n: number, body: Record<string, unknown>, expr: unknown, value: Value, at?: Where): Expansion | null {
  const max = budget().limits.maxInstances;
  const error =
    n > max ? new LimitError('max_instances', `${Number.isFinite(n) ? n : 'an infinite number of'} instances, more than ${max}`) : budget().countInstances(n);
  if (!error) return null;
  // what was not expanded, as a digest: a hit the base also has is pre-existing only when the
  // count or for_each is the same (a PR widening one entry among a thousand is not)
  budget().record(error, at?.file ?? null, at?.line ?? 1, createHash('sha1').update(display(value)).digest('hex'));
  return { ...unknownExpansion(body, new Unknown(String(expr), error.message), 'above max_instances'), mayBeEmpty: false };
}

/**
 * Zero or more instances, none of whose keys is known (count.index / each.* unknown); a count
 * derived from a value set outside the repository makes them set outside too, and says so.
 */
export function unknownExpansion(
  body: Record<string, unknown>,
  unknown: Unknown,
  state = unknown.setOutside ? `unknown (${unknown.reason})` : 'unknown',
): Extract<Expansion, { kind: 'unknown' }> {
  const key = (expr: string, why: string) => new Unknown(expr, why, unknown.setOutside);
  if (body['count'] !== undefined)
    return { kind: 'unknown', unknown, scope: { count: { index: key('count.index', `the count is ${state}`) } }, mayBeEmpty: true };
  const why = `for_each is ${state}`;
  return { kind: 'unknown', unknown, scope: { each: { key: key('each.key', why), value: key('each.value', why) } }, mayBeEmpty: true };
}

/** Evaluates count / for_each of a resource or module call body. */
/** Where a declaration is, for the bound it hits. */
interface Where {
  file: string;
  line: number;
}

export function expand(body: Record<string, unknown>, scope: Scope, at?: Where): Expansion {
  if (body['count'] !== undefined) {
    const count = evaluateJson(body['count'], scope);
    if (count instanceof Unknown) return unknownExpansion(body, count);
    let n: number;
    try {
      n = toNumberValue(count);
      if (Number.isNaN(n)) throw new Error('NaN');
    } catch {
      return unknownExpansion(body, new Unknown(String(body['count']), 'count is not a number'));
    }
    const length = Math.max(0, Math.floor(n));
    const over = tooMany(length, body, body['count'], count, at);
    if (over) return over;
    return { kind: 'instances', keys: Array.from({ length }, (_x, i) => ({ key: i, scope: { count: { index: i } } })) };
  }
  if (body['for_each'] !== undefined) return forEachExpansion(body, evaluateJson(body['for_each'], scope), at);
  return { kind: 'single' };
}

/** The instances of an evaluated for_each. */
function forEachExpansion(body: Record<string, unknown>, each: Value, at?: Where): Expansion {
  if (each instanceof Alternatives) return eitherExpansion(body, each, at);
  if (each instanceof MergedMaps) return mergedExpansion(body, each, at);
  // a partly known set: an instance per known element, and zero or more others
  const parts = joinedParts(each);
  const known = parts ? knownElements(parts) : null;
  if (each instanceof Unknown && !known) return unknownExpansion(body, each);
  if (each instanceof Ref && isEveryInstance(each)) return overInstances(body, each);
  const size = known ? known.length : isObject(each) ? Object.keys(each).length : Array.isArray(each) ? each.length : 0;
  const over = tooMany(size, body, body['for_each'], each, at);
  if (over) return over;
  if (known) return setExpansion(body, known, true);
  if (isObject(each)) {
    return {
      kind: 'instances',
      keys: Object.keys(each)
        .sort()
        .map((k) => ({ key: k, scope: { each: { key: k, value: each[k]! } } })),
    };
  }
  if (Array.isArray(each)) return setExpansion(body, each, false);
  if (each === null) return { kind: 'instances', keys: [] };
  return unknownExpansion(body, new Unknown(String(body['for_each']), 'for_each must be a map or a set of strings'));
}

/**
 * A for_each that is one of several collections (`var.env == "prod" ? local.prod : local.dev`,
 * `local.by_env[terraform.workspace]`): the instances of each, an instance of some only
 * existing for some values; a key several give is one of their values.
 */
function eitherExpansion(body: Record<string, unknown>, either: Alternatives, at?: Where): Expansion {
  const branches = possibleValues(either).map((v) => forEachExpansion(body, v, at));
  const byKey = new Map<string | number, Value[]>();
  let rest: Extract<Expansion, { kind: 'unknown' }> | undefined;
  for (const e of branches) {
    if (e.kind === 'single') continue;
    if (e.kind === 'unknown') rest ??= e;
    else {
      rest ??= e.rest;
      for (const k of e.keys) byKey.set(k.key, [...(byKey.get(k.key) ?? []), (k.scope['each'] as ObjectValue)['value']!]);
    }
  }
  if (!byKey.size && rest) return rest;
  // a key whose value differs between the collections is an instance per value, each whole
  // (its port and its address together), as the rules a conditional's branches give
  const keys = [...byKey].flatMap(([key, values]) =>
    distinctValues(values).map((value) => ({ key, scope: { each: { key, value } }, ...(values.length < branches.length ? { conditional: either } : {}) })),
  );
  return { kind: 'instances', keys, ...(rest ? { rest } : {}) };
}

/**
 * `for_each = aws_security_group.x` where x's own count or for_each is not known here: as many
 * instances, whose keys are not known, each.value standing for every instance of x as `x[*]`
 * does (each.value.id names the group x).
 */
function overInstances(body: Record<string, unknown>, instances: Ref): Expansion {
  const expansion = unknownExpansion(body, new Unknown(String(body['for_each']), notKnownThrough(instances)));
  return { ...expansion, scope: { each: { key: (expansion.scope['each'] as { key: Value }).key, value: instances } } };
}

/** The values, each once. */
function distinctValues(values: Value[]): Value[] {
  return values.filter((v, i) => values.findIndex((w) => valuesEqual(v, w)) === i);
}

/** `merge(local.builtin, var.items)`: an instance per known key, whose value the unknown maps may replace, and zero or more others. */
function mergedExpansion(body: Record<string, unknown>, merged: MergedMaps, at?: Where): Expansion {
  const names = [...new Set(merged.maps.flatMap((m) => (isObject(m) ? Object.keys(m) : [])))].sort();
  const over = tooMany(names.length, body, body['for_each'], [...merged.maps], at);
  if (over) return over;
  const keys = names.flatMap((key) => possibleValues(mergedEntry('each.value', merged, key)).map((value) => ({ key, scope: { each: { key, value } } })));
  return { kind: 'instances', keys, rest: unknownExpansion(body, merged) };
}

/** The instances of a set of strings, an unknown element (or `unknownRest`) making more instances whose keys are unknown. */
function setExpansion(body: Record<string, unknown>, items: Value[], unknownRest: boolean): Expansion {
  const keys: string[] = [];
  let unknownItems = unknownRest;
  for (const item of items) {
    if (item instanceof Unknown || item instanceof Ref) unknownItems = true;
    else {
      try {
        keys.push(toStringValue(item));
      } catch {
        return unknownExpansion(body, new Unknown(String(body['for_each']), 'for_each must be a map or a set of strings'));
      }
    }
  }
  const known = { kind: 'instances' as const, keys: [...new Set(keys)].sort().map((k) => ({ key: k, scope: { each: { key: k, value: k } } })) };
  if (!unknownItems) return known;
  return { ...known, rest: unknownExpansion(body, new Unknown(String(body['for_each']), 'a for_each key is known only after apply')) };
}
