// Functions that pick among their arguments, one of which is not known here: the result is
// one of those it can pick, never the first unknown alone. `coalesce(var.override, local.x)`
// is var.override, or local.x when var.override is null or empty; `merge(local.m,
// var.overrides)["k"]` is the override or local.m's value; `lookup(m, var.site, d)` one of m's
// values or d. The known ones are judged as known (red24 §4, §15), the unknown keeps its identity.
import { Alternatives, OneOf, type BranchValue } from './alternatives.js';
import { joinedParts, knownElements } from './partial-lists.js';
import { Unknown, hasKey, isObject, toStringValue, type Value } from './value.js';

/** `merge(…)` of maps some of which are not known here: each key is the last map's that may hold it. */
export class MergedMaps extends Unknown {
  constructor(
    expr: string,
    reason: string,
    /** merge's arguments, known maps and unknowns, in order. */
    readonly maps: readonly Value[],
    setOutside?: readonly string[],
  ) {
    super(expr, reason, setOutside);
  }
}

/** One of these values, or the value itself when there is one. */
export function oneOf(src: string, first: Unknown, values: Value[]): Value {
  if (values.length === 1) return values[0]!;
  return new Alternatives(
    src,
    first.reason,
    values.map((value): BranchValue => ({ value, nullWritten: false })),
    first.setOutside,
  );
}

/** Whether an unknown may be null or empty: an alternative all of whose branches are known and set cannot. */
function mayBeEmpty(v: Unknown, empty: (known: Value) => boolean): boolean {
  if (v instanceof Alternatives) return v.branches.some((b) => (b.value instanceof Unknown ? mayBeEmpty(b.value, empty) : empty(b.value)));
  // a partly known list with a known element is not empty
  const parts = joinedParts(v);
  return !parts || knownElements(parts).length === 0;
}

/** coalesce / coalescelist: each unknown argument, up to the first known one that is not empty. */
function firstSet(src: string, args: Value[], empty: (known: Value) => boolean): Value | undefined {
  const first = args.find((a) => a instanceof Unknown);
  if (!first) return undefined;
  const picks: Value[] = [];
  for (const a of args) {
    if (!(a instanceof Unknown)) {
      if (empty(a)) continue;
      picks.push(a);
      break;
    }
    picks.push(a);
    if (!mayBeEmpty(a, empty)) break;
  }
  return oneOf(src, first, picks);
}

/** The value of `key` in merged maps: the last known map's that holds it or any unknown map's after it (`fallback` when none may). */
export function mergedEntry(src: string, merged: MergedMaps, key: string, fallback?: Value): Value {
  const picks: Value[] = [];
  for (const m of [...merged.maps].reverse()) {
    // the unknown map's own entry: its identity does not depend on the known maps beside it
    if (m instanceof Unknown) picks.push(new Unknown(`${m.expr}[${JSON.stringify(key)}]`, m.reason, m.setOutside));
    else if (isObject(m) && hasKey(m, key)) {
      picks.push(m[key]!);
      return oneOf(src, merged, picks);
    }
  }
  if (fallback !== undefined) picks.push(fallback);
  return oneOf(src, merged, picks);
}

/** The call's value when it picks among arguments one of which is unknown; undefined otherwise. */
export function fallbackCall(name: string, args: Value[], src: string): Value | undefined {
  switch (name) {
    case 'coalesce':
      return firstSet(src, args, (v) => v === null || v === '');
    case 'coalescelist':
      return firstSet(src, args, (v) => Array.isArray(v) && v.length === 0);
    case 'merge': {
      const first = args.find((a) => a instanceof Unknown);
      if (!first || !args.every((a) => a === null || isObject(a) || (a instanceof Unknown && !joinedParts(a)))) return undefined;
      return new MergedMaps(src, first.reason, args, first.setOutside);
    }
    case 'lookup': {
      const [map, key, fallback] = args;
      if (map instanceof MergedMaps && (typeof key === 'string' || typeof key === 'number')) return mergedEntry(src, map, toStringValue(key), fallback);
      // a key not known here: one of the map's values, or the default
      if (map === undefined || !isObject(map) || !(key instanceof Unknown)) return undefined;
      const values = [...Object.values(map), ...(fallback === undefined ? [] : [fallback])];
      return values.length
        ? new OneOf(
            src,
            key.reason,
            values.map((value) => ({ value, nullWritten: false })),
            key.setOutside,
          )
        : undefined;
    }
  }
  return undefined;
}
