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

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
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
