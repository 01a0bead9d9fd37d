// Sets of integers as sorted, disjoint, non-adjacent inclusive intervals. BigInt, so the same
// code serves ports (16 bits), IPv4 (32 bits) and IPv6 (128 bits) exactly.

export type Interval = readonly [bigint, bigint];
export type IntervalSet = readonly Interval[];

/** Normalises any list of intervals into a set (sorted, merged). */
export function normalise(intervals: Iterable<Interval>): IntervalSet {
  const sorted = [...intervals].filter(([a, b]) => a <= b).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1n) {
      if (b > last[1]) last[1] = b;
    } else out.push([a, b]);
  }
  return out;
}

export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  return normalise([...a, ...b]);
}

/** a − b, in one linear sweep over both sorted sets. */
export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  let j = 0;
  for (const [lo0, hi] of a) {
    let lo = lo0;
    while (j < b.length && b[j]![1] < lo) j++;
    let k = j;
    while (k < b.length && b[k]![0] <= hi) {
      const [blo, bhi] = b[k]!;
      if (blo > lo) out.push([lo, blo - 1n]);
      if (bhi >= hi) {
        lo = hi + 1n;
        break;
      }
      lo = bhi + 1n;
      k++;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

/** a ∩ b; when one is much smaller, each of its intervals is found in the other by binary search (a few ranges against a long list stay cheap). */
export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const [few, many] = a.length <= b.length ? [a, b] : [b, a];
  if (few.length * 8 < many.length) return intersectFew(few, many);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = a[i]![0] > b[j]![0] ? a[i]![0] : b[j]![0];
    const hi = a[i]![1] < b[j]![1] ? a[i]![1] : b[j]![1];
    if (lo <= hi) out.push([lo, hi]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

function intersectFew(few: IntervalSet, many: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  for (const [lo, hi] of few)
    for (let j = firstEndingFrom(many, lo); j < many.length && many[j]![0] <= hi; j++)
      out.push([many[j]![0] > lo ? many[j]![0] : lo, many[j]![1] < hi ? many[j]![1] : hi]);
  return out;
}

/** The index of the first interval of the set that ends at or after x. */
function firstEndingFrom(set: IntervalSet, x: bigint): number {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (set[mid]![1] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For each point, the first of several sets that holds it: `holder(x)` is that set's owner, or
 * -1. The sets come in order; their ends cut the line into stretches, each set paints the
 * stretches not painted yet and a painted one is skipped from then on, so the work is linear in
 * the intervals after sorting.
 */
export function firstHolder(sets: readonly (readonly [owner: number, set: IntervalSet])[]): (x: bigint) => number {
  const cuts = [...new Set(sets.flatMap(([, s]) => s.flatMap(([lo, hi]) => [lo, hi + 1n])))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const at = (x: bigint) => {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1; // the last cut at or before x
  };
  const owner = new Int32Array(cuts.length).fill(-1);
  // the next stretch not painted yet, at or after each one (path halving keeps the jumps short)
  const next = Int32Array.from({ length: cuts.length + 1 }, (_, k) => k);
  const unpainted = (k: number) => {
    while (next[k] !== k) k = next[k] = next[next[k]!]!;
    return k;
  };
  for (const [index, set] of sets)
    for (const [lo, hi] of set)
      for (let k = unpainted(at(lo)), end = at(hi + 1n); k < end; k = unpainted(k)) {
        owner[k] = index;
        next[k] = k + 1;
      }
  return (x) => {
    const k = at(x);
    return k < 0 ? -1 : owner[k]!;
  };
}

export function isEmpty(a: IntervalSet): boolean {
  return a.length === 0;
}

export function size(a: IntervalSet): bigint {
  return a.reduce((n, [lo, hi]) => n + (hi - lo + 1n), 0n);
}

export function equals(a: IntervalSet, b: IntervalSet): boolean {
  return a.length === b.length && a.every((x, i) => x[0] === b[i]![0] && x[1] === b[i]![1]);
}

/** The minimal list of aligned blocks (prefix, length) covering an interval set exactly. */
export function toBlocks(set: IntervalSet, bits: number): { start: bigint; prefix: number }[] {
  const out: { start: bigint; prefix: number }[] = [];
  for (const [lo0, hi] of set) {
    let lo = lo0;
    while (lo <= hi) {
      // the largest aligned block starting at lo that fits in [lo, hi]
      let span = bits;
      while (span > 0) {
        const blockSize = 1n << BigInt(span);
        if (lo % blockSize === 0n && lo + blockSize - 1n <= hi) break;
        span--;
      }
      out.push({ start: lo, prefix: bits - span });
      lo += 1n << BigInt(span);
    }
  }
  return out;
}
