// Terraform's `==` compares type and value: a list(string) variable is never equal to `[]`
// (an empty tuple), a set never to a list, a number never to a string. The engine's arrays
// and objects do not carry those types, so equality is decided only where the types are
// certain; elsewhere it is unknown (both branches of a conditional are reviewed), never a guess.
import { Lazy, Ref, Unknown, isObject, isSetValue, type ObjectValue, type Value } from './value.js';

/** Arrays and objects written as literals (`[…]`, `{…}`): Terraform's tuples and objects. */
const LITERALS = new WeakSet<Value[] | ObjectValue>();

export function markLiteral<T extends Value[] | ObjectValue>(v: T): T {
  LITERALS.add(v);
  return v;
}

/** A tuple or object type throughout: every nested collection written as a literal too. */
function literalThroughout(v: Value): boolean {
  if (Array.isArray(v)) return LITERALS.has(v) && v.every(literalThroughout);
  if (isObject(v)) return LITERALS.has(v) && Object.values(v).every(literalThroughout);
  return !(v instanceof Unknown || v instanceof Ref || v instanceof Lazy);
}

function holdsUndecided(v: Value): boolean {
  if (v instanceof Unknown || v instanceof Ref || v instanceof Lazy) return true;
  if (Array.isArray(v)) return v.some(holdsUndecided);
  if (isObject(v)) return Object.values(v).some(holdsUndecided);
  return false;
}

function isCollection(v: Value): boolean {
  return Array.isArray(v) || isObject(v) || v instanceof Lazy;
}

/** Terraform's `a == b`, or null when the engine's values cannot tell. */
export function terraformEquals(a: Value, b: Value): boolean | null {
  if (isCollection(a) !== isCollection(b)) return a instanceof Unknown || b instanceof Unknown ? null : false;
  if (holdsUndecided(a) || holdsUndecided(b)) return null;
  if (!isCollection(a)) return primitiveEquals(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (literalThroughout(a) && literalThroughout(b)) return literalEquals(a, b);
  // different sizes differ whatever the collection types (sets aside: theirs are not deduplicated everywhere)
  if (Array.isArray(a) && Array.isArray(b) && !isSetValue(a) && !isSetValue(b) && a.length !== b.length) return false;
  return null;
}

/** Two tuples/objects of literals: equal exactly when the types and values are. */
function literalEquals(a: Value, b: Value): boolean | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return allEqual(a.map((x, i) => literalEquals(x, b[i]!)));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length || !keys.every((k) => Object.hasOwn(b, k))) return false;
    return allEqual(keys.map((k) => literalEquals(a[k]!, b[k]!)));
  }
  if (isCollection(a) || isCollection(b)) return false;
  return primitiveEquals(a, b);
}

/** false if any is false (a type or value differs), null if any is undecided, else true. */
function allEqual(results: (boolean | null)[]): boolean | null {
  if (results.includes(false)) return false;
  return results.includes(null) ? null : true;
}

function primitiveEquals(a: Value, b: Value): boolean | null {
  if (a === null || b === null) return a === b;
  if (typeof a !== typeof b) return false;
  // Terraform's strings are NFC-normalised ("e\u0301" == "\u00e9")
  if (typeof a === 'string') return a.normalize('NFC') === (b as string).normalize('NFC');
  // Terraform's numbers are arbitrary-precision: only integers compare the same in doubles
  if (typeof a === 'number' && (!Number.isSafeInteger(a) || !Number.isSafeInteger(b))) return null;
  return a === b;
}
