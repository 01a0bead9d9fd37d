// Values of the static evaluator. Terraform's lists, tuples and sets are arrays; maps and
// objects are plain objects. Two extra kinds carry what cannot be known before `plan`:
// `Unknown` (never guessed, never silently safe) and `Ref` (an attribute of a resource,
// known only after apply, but whose identity we know: `aws_security_group.web.id`).
import { numberText } from './decimal.js';
import { Unknowable } from './unknowable.js';
import { normaliseReference } from './unknown-identity.js';

export interface ObjectValue {
  [key: string]: Value;
}

export type Value = null | boolean | number | string | Value[] | ObjectValue | Unknown | Ref | Lazy;

export class Unknown {
  /** The expression that could not be evaluated, normalised: its identity across syntaxes. */
  readonly expr: string;
  constructor(
    expr: string,
    /** Why: "variable has no default and no tfvars value", "data source", … */
    readonly reason: string,
    /**
     * The root variables set outside the repository (`-var`, `TF_VAR_`, a calling
     * configuration) it comes from, when it does: an instance's count.index or each.value of a
     * count those variables switch on, and what is computed from them. Data, not words in
     * `reason`, so that no wording (nor a string in the PR) decides it.
     */
    readonly setOutside?: readonly string[],
    /**
     * The lists an unknown list joins (`concat(split(",", var.a), var.b)`): its elements are
     * theirs, so each is a peer of its own, as in the 0.11 form `["${split(",", var.a)}", "${var.b}"]`.
     */
    readonly parts?: readonly Value[],
  ) {
    this.expr = normaliseReference(expr);
  }
}

/**
 * Why a reference to something the module does not declare is unknown. Terraform rejects such
 * a configuration (or it is declared in a file the review could not read), so the value is
 * unknown, never "nothing". `dir` is the module's directory, "" or "." for the top one.
 */
export function undeclared(what: string, dir: string): string {
  return `${what} is not declared in ${dir && dir !== '.' ? dir : 'the top directory'}`;
}

export function isUndeclared(reason: string): boolean {
  return / is not declared in /.test(reason);
}

/** An attribute (path) of a resource instance, e.g. address `aws_security_group.web`, path `id`. */
export class Ref {
  constructor(
    readonly address: string,
    readonly path: string,
    /**
     * The resource's count / for_each is unknown: it exists zero or more times, and every
     * instance (`x[0]`, `x.*`, `x.id` in 0.11) stands for the one resource `address`.
     */
    readonly gated = false,
    /**
     * The value of an attribute that echoes a written argument (evaluate/known-before-apply.ts),
     * undefined when it is computed or not known; only on a resource instance itself.
     */
    readonly echo: ((attribute: string) => Value | undefined) | null = null,
  ) {}

  get text(): string {
    return this.path ? `${this.address}.${this.path}` : this.address;
  }

  child(step: string): Ref {
    const joined = step.startsWith('[') ? this.path + step : this.path ? `${this.path}.${step}` : step;
    // `x[0]` of a gated resource is still the resource: its echoes stay readable
    const keepsEcho = this.gated && this.path === '' && step.startsWith('[');
    return new Ref(this.address, joined, this.gated, keepsEcho ? this.echo : null);
  }

  /** An attribute's known value when it echoes a written argument; undefined otherwise. */
  echoed(attribute: string): Value | undefined {
    return this.echo?.(attribute);
  }

  /** The attribute path without a gated resource's instance key: `[0].id` → `id`. */
  get attribute(): string {
    return this.gated ? this.path.replace(/^\[[^\]]*\]\.?/, '') : this.path;
  }
}

/**
 * Why a value read through a reference is not known here, in a reader's words: the instances of
 * a resource whose count / for_each is not known (`[for s in aws_subnet.x : …]`), or an
 * attribute AWS assigns on apply.
 */
export function notKnownThrough(ref: Ref): string {
  if (ref.gated && ref.attribute === '') return `the instances of ${ref.address} are known only at plan time (its count or for_each is not known here)`;
  return `${ref.text} is known only after apply`;
}

/** A resource whose count or for_each is not known here, as a whole: it stands for every instance (`x[*]`). */
export const isEveryInstance = (ref: Ref) => ref.gated && ref.path === '';

/** The instance lists of resources with a `count` (see countedInstances). */
const counted = new WeakSet<Value[]>();

/**
 * A resource with a `count`: the list of its instances. Terraform 0.11 reads `x.id` on it as
 * its first instance's when count is 1 (singleCountedInstance); a list written in the code,
 * `[x].id`, has no attributes.
 */
export function countedInstances(instances: Ref[]): Value[] {
  counted.add(instances);
  return instances;
}

/** The one instance of a resource whose count is 1, read as the resource in 0.11 code; else undefined. */
export function singleCountedInstance(v: Value): Ref | undefined {
  return Array.isArray(v) && v.length === 1 && counted.has(v) && v[0] instanceof Ref ? v[0] : undefined;
}

/** An object whose attributes are computed on demand (a module's outputs). */
export class Lazy {
  constructor(
    readonly label: string,
    readonly get: (name: string) => Value,
    /** What `x[key]` (or 0.11 `x.0`) is, when that is not the attribute named `key`. */
    readonly instance: ((key: Value) => Value) | null = null,
  ) {}
}

/** A dynamic error (missing attribute, wrong type …): `try` and `can` catch these. */
export class EvalError extends Error {}

/**
 * A new map or object value. Keys come from the PR (`for_each = { "__proto__" = … }`), so
 * objects have no prototype: no key is special, none is inherited.
 */
export function newObject(): ObjectValue {
  return Object.create(null) as ObjectValue;
}

/** An object value built from entries (null prototype, see newObject). */
export function objectFrom(entries: Iterable<readonly [string, Value]>): ObjectValue {
  const out = newObject();
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** Whether a user-supplied key is an own key of an object (never an inherited one such as "constructor"). */
export function hasKey(object: object, key: string): boolean {
  return Object.hasOwn(object, key);
}

export function isObject(v: Value): v is ObjectValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Ref) && !(v instanceof Lazy);
}

/** null, an empty list or an empty object: a default meant to be replaced by a value passed in. */
export function isEmptyValue(v: Value): boolean {
  return v === null || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  if (v instanceof Unknown) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (isObject(v)) return Object.values(v).some(containsUnknown);
  return false;
}

/** The first unknown found inside a value, for messages. */
export function firstUnknown(v: Value): Unknown | null {
  if (v instanceof Unknown) return v;
  const items = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
  for (const item of items) {
    const u = firstUnknown(item);
    if (u) return u;
  }
  return null;
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Unknown) return 'unknown';
  if (v instanceof Ref) return 'reference';
  if (v instanceof Lazy) return 'object';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** Terraform's automatic conversion to string (numbers and bools convert; others fail). */
export function toStringValue(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    const text = numberText(v);
    if (text === null) throw new Unknowable(`the number ${v} is written at a precision the engine does not compute`);
    return text;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new EvalError(`a ${typeName(v)} cannot be used as a string`);
}

/** A string cty converts to a number: a decimal as Go's big.ParseFloat reads it (no space, no 0x, no _). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Terraform's conversion to number. "Inf" and decimals beyond double precision (1e400, 1e-400)
 * are numbers to Terraform, not here: unknown, never a JavaScript Infinity or 0.
 */
export function toNumberValue(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && DECIMAL.test(v)) {
    const n = Number(v);
    const [mantissa] = v.split(/[eE]/);
    if (Number.isFinite(n) && (n !== 0 || !/[1-9]/.test(mantissa!))) return n;
  }
  if (typeof v === 'string' && (DECIMAL.test(v) || /^[+-]?[Ii]nf$/.test(v)))
    throw new Unknowable(`the number ${JSON.stringify(v)} is beyond the double precision the engine computes in`);
  throw new EvalError(`${JSON.stringify(v)} is not a number`);
}

/** Terraform's conversion to bool: the strings "true" and "1", "false" and "0" convert (cty), no others. */
export function toBoolValue(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new EvalError(`${typeName(v)} is not a bool`);
}

/** Whether a provider's bool argument is on: true, or a string Terraform converts to true ("true", "1"). */
export function isTrue(v: Value | undefined): boolean {
  return v === true || v === 'true' || v === '1';
}

/**
 * Terraform's order of strings (keys, sort, sets): by UTF-8 bytes, which is code point order.
 * JavaScript's default compares UTF-16 units and puts U+FF01 after U+1F600.
 */
export function byCodePoint(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Arrays that are Terraform sets (toset(), set(...) variables): Terraform refuses to index them. */
const SETS = new WeakSet<Value[]>();

export function markSet(items: Value[]): Value[] {
  SETS.add(items);
  return items;
}

export function isSetValue(v: Value): boolean {
  return Array.isArray(v) && SETS.has(v);
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]!));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => hasKey(b, k) && valuesEqual(a[k]!, b[k]!));
  }
  if (a instanceof Ref && b instanceof Ref) return a.address === b.address && a.attribute === b.attribute;
  return false;
}

const UNKNOWN_TEXT = '(unknown: ';

/** True for the display form of an unknown value (the model stores display text). */
export function isUnknownText(text: string | null): boolean {
  return text !== null && text.startsWith(UNKNOWN_TEXT);
}

/** The expression in the display form of an unknown value: `(unknown: var.x)` → `var.x`. */
export function unknownExpression(text: string): string {
  return text.slice(UNKNOWN_TEXT.length, -1);
}

/**
 * A key such that two values have the same key exactly when valuesEqual holds, so set
 * operations are linear; null for values that hold an Unknown or a Lazy (equal only to
 * themselves).
 */
export function valueKey(v: Value): string | null {
  if (v === null) return 'z';
  if (typeof v === 'string') return `s${JSON.stringify(v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v === 'number' ? 'n' : 'b'}${String(v)}`;
  if (v instanceof Ref) return `r${JSON.stringify(v.text)}`;
  if (v instanceof Unknown || v instanceof Lazy) return null;
  const parts: string[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      const k = valueKey(item);
      if (k === null) return null;
      parts.push(k);
    }
    return `[${parts.join(',')}]`;
  }
  for (const name of Object.keys(v).sort()) {
    const k = valueKey(v[name]!);
    if (k === null) return null;
    parts.push(`${JSON.stringify(name)}:${k}`);
  }
  return `{${parts.join(',')}}`;
}

/** A short display form of a value, for messages and the model's JSON. */
export function display(v: Value): string {
  if (v instanceof Unknown) return `${UNKNOWN_TEXT}${v.expr})`;
  if (v instanceof Ref) return v.text;
  if (v instanceof Lazy) return v.label;
  if (typeof v === 'string') return v;
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Ref ? x.text : x instanceof Unknown ? `${UNKNOWN_TEXT}${x.expr})` : x));
}

/** Words for the reason of an unknown set outside the repository (Unknown.setOutside says which are). */
export const SET_OUTSIDE = 'set outside the repository';
