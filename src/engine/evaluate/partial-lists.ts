// A list partly known before apply: `concat(var.extra, local.office)` with var.extra set
// outside is unknown, but it holds local.office's elements whatever var.extra is (an Unknown
// with `parts`, the lists it joins). Functions that keep elements keep them: a known 0.0.0.0/0
// beside an unknown is planned by Terraform as 0.0.0.0/0 (red24 §5), never one opaque unknown.
import { Alternatives } from './alternatives.js';
import { Unknown, type Value } from './value.js';

/** The lists a partly known list joins, or null for any other value. */
export function joinedParts(v: Value): readonly Value[] | null {
  return v instanceof Unknown && v.parts ? v.parts : null;
}

/** A partly known list of these parts (arrays and unknowns), unknown for the first unknown part's reason. */
export function joinedList(src: string, parts: readonly Value[]): Unknown {
  const why = parts.find((p) => p instanceof Unknown) ?? new Unknown(src, 'a part of the list is not known before apply');
  return new Unknown(src, why.reason, why.setOutside, parts);
}

/** The elements before the first part that is not a known list: their positions are known. */
export function knownPrefix(parts: readonly Value[]): Value[] {
  const prefix: Value[] = [];
  for (const part of parts) {
    if (!Array.isArray(part)) break;
    prefix.push(...part);
  }
  return prefix;
}

/** Every part, an unknown one as `unknown(part)` (what it becomes), a known list as `known(list)`. */
export function mapParts(parts: readonly Value[], known: (list: Value[]) => Value, unknown: (part: Value) => Value): Value[] {
  return parts.map((p) => (Array.isArray(p) ? known(p) : unknown(p)));
}

/** The values `L[i]` may be for an unknown i: every element of a known part, and what each unknown part is. */
export function anyOfParts(parts: readonly Value[], unknown: (part: Value) => Value): Value[] {
  return parts.flatMap((p) => (Array.isArray(p) ? p : [unknown(p)]));
}

type Call = (name: string, args: Value[], src: string) => Value;

/**
 * A function of a partly known list that keeps what is known of it, or undefined when the
 * call is not one of these: `setunion` holds its arguments' elements, `element` / `slice`
 * within the known first elements are known, `formatlist` formats each known element.
 */
export function partialListCall(name: string, args: Value[], src: string, call: Call): Value | undefined {
  // the union of lists holds each one's elements, as concat does
  if (name === 'setunion' && args.some((a) => a instanceof Unknown) && args.every((a) => Array.isArray(a) || a instanceof Unknown))
    return joinedList(src, args);
  const joined = args.map(joinedParts);
  const at = joined.findIndex((p) => p !== null);
  if (at < 0) return undefined;
  const parts = joined[at]!;
  const rest = (part: Value) => new Unknown(src, (part as Unknown).reason, (part as Unknown).setOutside);
  switch (name) {
    case 'element':
    case 'slice': {
      if (at !== 0 || !args.slice(1).every((a) => typeof a === 'number')) return undefined;
      const prefix = knownPrefix(parts);
      const [from, to] = args.slice(1) as number[];
      if (!Number.isInteger(from) || from! < 0 || from! >= prefix.length) return undefined;
      if (name === 'element') return args.length === 2 ? prefix[from!] : undefined;
      if (args.length !== 3 || !Number.isInteger(to) || to! < from!) return undefined;
      // past the known elements the slice holds some of the unknown ones (or the apply fails)
      return to! <= prefix.length ? prefix.slice(from, to) : joinedList(src, [prefix.slice(from), rest(parts[knownParts(parts)]!)]);
    }
    case 'formatlist': {
      // one list beside known scalars: each element formatted alone
      const scalars = args.every((a, i) => i === at || typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean');
      if (at === 0 || !scalars) return undefined;
      return joinedList(
        src,
        mapParts(parts, (list) => call(name, args.with(at, list), src), rest),
      );
    }
  }
  return undefined;
}

/** How many parts at the start are known lists. */
function knownParts(parts: readonly Value[]): number {
  const i = parts.findIndex((p) => !Array.isArray(p));
  return i < 0 ? parts.length : i;
}

/**
 * The known elements of a partly known list, of a joined part too (one met again adds none,
 * as listOf does: a chain of joins sharing parts stays linear), and those an unknown `if` may
 * keep; the unknown parts are left out.
 */
export function knownElements(parts: readonly Value[], seen = new Set<readonly Value[]>()): Value[] {
  if (seen.has(parts)) return [];
  seen.add(parts);
  return parts.flatMap((p) => {
    if (Array.isArray(p)) return p;
    const inner = joinedParts(p);
    if (inner) return knownElements(inner, seen);
    return p instanceof Alternatives
      ? knownElements(
          p.branches.map((b) => b.value),
          seen,
        )
      : [];
  });
}
