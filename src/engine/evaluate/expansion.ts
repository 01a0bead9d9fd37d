// count / for_each: how many instances a resource or module call has, and their addresses.
import { evaluateJson, type Scope } from './evaluate.js';
import { LimitError, budget } from './limits.js';
import { Ref, Unknown, isObject, toNumberValue, toStringValue, type Value } from './value.js';

/** How a resource or module call expands. */
export type Expansion =
  | { kind: 'single' }
  | { kind: 'instances'; keys: { key: string | number; scope: Record<string, Value> }[] }
  | { kind: 'unknown'; unknown: Unknown; scope: Record<string, Value> };

export function instanceAddress(base: string, key: string | number | null | '*'): string {
  if (key === null) return base;
  if (key === '*') return `${base}[*]`;
  return typeof key === 'number' ? `${base}[${key}]` : `${base}[${JSON.stringify(key)}]`;
}

/**
 * More instances than max_instances (`count = 1e9`): analysed as one instance whose key is
 * unknown, like an unknown count, so what each instance opens is still reported.
 */
function tooMany(n: number, expr: unknown, scope: Record<string, Value>): Expansion | null {
  const max = budget().limits.maxInstances;
  const error =
    n > max ? new LimitError('max_instances', `${Number.isFinite(n) ? n : 'an infinite number of'} instances, more than ${max}`) : budget().countInstances(n);
  if (!error) return null;
  budget().record(error);
  return { kind: 'unknown', unknown: new Unknown(String(expr), error.message), scope };
}

/** Evaluates count / for_each of a resource or module call body. */
export function expand(body: Record<string, unknown>, scope: Scope): Expansion {
  if (body['count'] !== undefined) {
    const count = evaluateJson(body['count'], scope);
    if (count instanceof Unknown) return { kind: 'unknown', unknown: count, scope: { count: { index: new Unknown('count.index', 'the count is unknown') } } };
    let n: number;
    try {
      n = toNumberValue(count);
      if (Number.isNaN(n)) throw new Error('NaN');
    } catch {
      return {
        kind: 'unknown',
        unknown: new Unknown(String(body['count']), 'count is not a number'),
        scope: { count: { index: new Unknown('count.index', 'the count is unknown') } },
      };
    }
    const length = Math.max(0, Math.floor(n));
    const over = tooMany(length, body['count'], { count: { index: new Unknown('count.index', 'the count is above max_instances') } });
    if (over) return over;
    return { kind: 'instances', keys: Array.from({ length }, (_x, i) => ({ key: i, scope: { count: { index: i } } })) };
  }
  if (body['for_each'] !== undefined) {
    const each = evaluateJson(body['for_each'], scope);
    const unknownEach = { each: { key: new Unknown('each.key', 'for_each is unknown'), value: new Unknown('each.value', 'for_each is unknown') } };
    if (each instanceof Unknown) return { kind: 'unknown', unknown: each, scope: unknownEach };
    const size = isObject(each) ? Object.keys(each).length : Array.isArray(each) ? each.length : 0;
    const over = tooMany(size, body['for_each'], unknownEach);
    if (over) return over;
    if (isObject(each)) {
      return {
        kind: 'instances',
        keys: Object.keys(each)
          .sort()
          .map((k) => ({ key: k, scope: { each: { key: k, value: each[k]! } } })),
      };
    }
    if (Array.isArray(each)) {
      const keys: string[] = [];
      for (const item of each) {
        if (item instanceof Unknown || item instanceof Ref)
          return { kind: 'unknown', unknown: new Unknown(String(body['for_each']), 'a for_each key is known only after apply'), scope: unknownEach };
        try {
          keys.push(toStringValue(item));
        } catch {
          return { kind: 'unknown', unknown: new Unknown(String(body['for_each']), 'for_each must be a map or a set of strings'), scope: unknownEach };
        }
      }
      return { kind: 'instances', keys: [...new Set(keys)].sort().map((k) => ({ key: k, scope: { each: { key: k, value: k } } })) };
    }
    if (each === null) return { kind: 'instances', keys: [] };
    return { kind: 'unknown', unknown: new Unknown(String(body['for_each']), 'for_each must be a map or a set of strings'), scope: unknownEach };
  }
  return { kind: 'single' };
}
