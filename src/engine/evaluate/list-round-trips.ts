// Rewrites that hand back the list they were given, though part of it is unknown: the result
// keeps the identity of each unknown inside (PRODUCT.md §1 "unknown values have an identity"),
// so `compact(split(",", join(",", L)))` or `concat(L, [])` is L again and opens nothing new.
// A rewrite is kept only where it is sound for the values a rule's peers and target hold (ids
// and CIDRs); anything else stays a new, opaque unknown, which is reported.
import { Ref, Unknown, hasKey, isObject, toStringValue, type Value } from './value.js';

/**
 * A separator that cannot occur inside an AWS id, ARN or CIDR (`sg-…`, `pl-…`, `10.0.0.0/8`,
 * `2001:db8::/32`): splitting such a value on it gives the value back whole.
 */
const ID_SEPARATOR = /^[^A-Za-z0-9./:_-]+$/;

/** `join(sep, lists…)` over values not known before apply: unknown, but split(sep) gives the lists back. */
export class JoinedLists extends Unknown {
  constructor(
    expr: string,
    reason: string,
    readonly separator: string,
    /** The joined lists, each an array or an unknown (a whole list not known before apply). */
    readonly lists: readonly Value[],
    setOutside?: readonly string[],
  ) {
    super(expr, reason, setOutside);
  }
}

/** Why a joined item is not known: the first unknown's reason (and its variables set outside), or the reference's. */
function unknownReason(items: Value[]): Pick<Unknown, 'reason' | 'setOutside'> | null {
  for (const item of items) {
    if (item instanceof Unknown) return item;
    if (item instanceof Ref) return { reason: `${item.text} is known only after apply` };
  }
  return null;
}

function join(args: Value[], src: string): Value | undefined {
  const [sep, ...lists] = args;
  if (typeof sep !== 'string' || !ID_SEPARATOR.test(sep)) return undefined;
  if (!lists.every((l) => Array.isArray(l) || l instanceof Unknown)) return undefined;
  const items = lists.flatMap((l) => (Array.isArray(l) ? l : [l]));
  // one reference alone is the `join("", x.*.id)` idiom, which the function itself keeps
  if (items.length === 1 && items[0] instanceof Ref) return undefined;
  if (!items.every((x) => typeof x === 'string' || typeof x === 'number' || x instanceof Unknown || x instanceof Ref)) return undefined;
  const why = unknownReason(items);
  return why === null ? undefined : new JoinedLists(src, why.reason, sep, lists, why.setOutside);
}

function split(args: Value[]): Value | undefined {
  const [sep, text] = args;
  if (typeof sep !== 'string' || !ID_SEPARATOR.test(sep)) return undefined;
  if (text instanceof Ref) return [text];
  if (!(text instanceof JoinedLists) || text.separator !== sep) return undefined;
  if (text.lists.length === 1 && text.lists[0] instanceof Unknown) return text.lists[0];
  if (!text.lists.every(Array.isArray)) return undefined;
  // a known item holding the separator splits as Terraform splits it
  return text.lists.flatMap((l) => (l as Value[]).flatMap((x): Value[] => (x instanceof Unknown || x instanceof Ref ? [x] : toStringValue(x).split(sep))));
}

/** `concat(L, [])`: an unknown list with only empty lists beside it is that list. */
function concat(args: Value[]): Value | undefined {
  const unknown = args.filter((a) => a instanceof Unknown);
  if (unknown.length !== 1) return undefined;
  return args.every((a) => a instanceof Unknown || (Array.isArray(a) && a.length === 0)) ? unknown[0] : undefined;
}

/** `lookup(m, k, default)`: an unknown default matters only when the known map lacks the key. */
function lookup(args: Value[]): Value | undefined {
  const [map = null, key, fallback] = args;
  if (!(fallback instanceof Unknown) || !isObject(map) || typeof key !== 'string') return undefined;
  return hasKey(map, key) ? map[key]! : fallback;
}

const ROUND_TRIPS = new Map<string, (args: Value[], src: string) => Value | undefined>(Object.entries({ join, split, concat, lookup }));

/** The value of a call that keeps the identity of the unknowns it is given; undefined otherwise. */
export function keepingIdentity(name: string, args: Value[], src: string): Value | undefined {
  return ROUND_TRIPS.get(name)?.(args, src);
}
