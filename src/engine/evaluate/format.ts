// Terraform's format() and formatlist(), as cty's stdlib/format.go reads a format string:
// `%[flags][[n]][width][.precision]verb`, widths and precisions in grapheme clusters, explicit
// argument indexes, every argument used. The output is exact or the call is unknown: Terraform's
// numbers are arbitrary-precision, so fractions and %e/%g are never printed here.
import { graphemes } from './text-functions.js';
import { Unknowable } from './unknowable.js';
import { EvalError, Lazy, Ref, Unknown, byCodePoint, isObject, isSetValue, notKnownThrough, toBoolValue, toNumberValue, type Value } from './value.js';

interface Verb {
  raw: string;
  argNum: number;
  mode: string;
  zero: boolean;
  sharp: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  width: number | null;
  precision: number | null;
}

const VERB = /%([-+# 0]*)(?:\[([1-9][0-9]*)\])?([1-9][0-9]*)?(?:\.([0-9]*))?([A-Za-z])/y;

/** format(spec, args…): Terraform's errors as EvalError (try() catches them), what cannot be matched exactly as Unknowable. */
export function format(spec: string, args: Value[]): string {
  let out = '';
  let next = 1;
  let highest = 0;
  for (let i = 0; i < spec.length;) {
    if (spec[i] !== '%') {
      out += spec[i++];
      continue;
    }
    if (spec[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    VERB.lastIndex = i;
    const m = VERB.exec(spec);
    if (!m) throw new EvalError(`format: invalid or unrecognised format sequence at offset ${i}`);
    const [raw, flags, index, width, precision, mode] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined, string];
    const verb: Verb = {
      raw,
      argNum: index ? Number(index) : next,
      mode,
      zero: flags.includes('0'),
      sharp: flags.includes('#'),
      plus: flags.includes('+'),
      minus: flags.includes('-'),
      space: flags.includes(' '),
      width: width ? Number(width) : null,
      precision: precision === undefined ? null : Number(precision || '0'),
    };
    if (verb.argNum > args.length) throw new EvalError(`format: not enough arguments for "${raw}"`);
    out += formatOne(verb, args[verb.argNum - 1]!);
    next = verb.argNum + 1;
    highest = Math.max(highest, verb.argNum);
    i += raw.length;
  }
  if (highest < args.length) throw new EvalError(`format: too many arguments; only ${highest} used by the format string`);
  // the result is a cty string: NFC
  return out.normalize('NFC');
}

/** formatlist(spec, args…): lists (and sets, tuples) are iterated together, other values repeated. */
export function formatList(spec: string, args: Value[]): string[] {
  let length: number | null = null;
  for (const a of args) {
    if (!Array.isArray(a)) continue;
    // a set's order is Terraform's (strings lexical); the engine orders only sets of strings so
    if (isSetValue(a) && !a.every((x) => typeof x === 'string')) throw new Unknowable('formatlist() over a set of non-strings is not evaluated statically');
    if (length !== null && a.length !== length) throw new EvalError('formatlist: the lists have different lengths');
    length = a.length;
  }
  return Array.from({ length: length ?? 1 }, (_x, i) =>
    format(
      spec,
      args.map((a) => (Array.isArray(a) ? a[i]! : a)),
    ),
  );
}

function formatOne(verb: Verb, arg: Value): string {
  if (arg instanceof Ref) throw new Unknowable(notKnownThrough(arg));
  if (arg instanceof Unknown) throw new Unknowable(arg.reason);
  if (arg instanceof Lazy) throw new Unknowable(`format(): "${verb.raw}" of ${arg.label}, known only after apply`);
  // Terraform 1.11 gives an unknown string for a null argument, whatever the verb
  if (arg === null) throw new Unknowable(`format(): "${verb.raw}" of null is not known before apply`);
  switch (verb.mode) {
    case 'v':
      return pad(verb, verb.sharp ? goJson(arg) : asIs(arg));
    case 't':
      return toBoolValue(arg) ? 'true' : 'false';
    case 's':
    case 'q':
      return formatString(verb, arg);
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
      return formatInteger(verb, integerOf(verb, arg));
    case 'f':
      return formatFixed(verb, integerOf(verb, arg, 'f'));
    case 'e':
    case 'E':
    case 'g':
    case 'G':
      throw new Unknowable(`format(): "${verb.raw}" is not evaluated statically`);
    default:
      throw new EvalError(`format: unsupported format verb "${verb.mode}" in "${verb.raw}"`);
  }
}

/** %v without #: strings and numbers as themselves, anything else as JSON. */
function asIs(arg: Value): string {
  if (typeof arg === 'string') return arg;
  // cty prints %v numbers as %g: seven digits or more take an exponent (1e+06)
  if (typeof arg === 'number') return Number.isSafeInteger(arg) && Math.abs(arg) < 1e6 ? String(arg) : unknowableNumber(arg);
  return goJson(arg);
}

function formatString(verb: Verb, arg: Value): string {
  if (Array.isArray(arg) || isObject(arg)) throw new EvalError(`format: "${verb.raw}" needs a string, got a collection`);
  let text = typeof arg === 'number' ? (Number.isSafeInteger(arg) ? String(arg) : unknowableNumber(arg)) : String(arg);
  // cty truncates to a positive precision only (%.0s and %.s keep the whole string)
  if (verb.precision !== null && verb.precision > 0) text = graphemes(text).slice(0, verb.precision).join('');
  return pad(verb, verb.mode === 'q' ? goJsonString(text) : text);
}

/** cty pads the formatted text to the width in grapheme clusters, with zeros under the 0 flag. */
function pad(verb: Verb, text: string): string {
  if (verb.width === null) return text;
  const missing = verb.width - graphemes(text).length;
  if (missing <= 0) return text;
  const fill = (verb.zero ? '0' : ' ').repeat(missing);
  return verb.minus ? text + fill : fill + text;
}

/** The number a %d/%x/%f verb formats: a string converts as Terraform converts it; a fraction is Terraform's error. */
function integerOf(verb: Verb, arg: Value, mode = 'd'): number {
  const n = toNumberValue(arg);
  if (!Number.isInteger(n)) {
    if (mode === 'f') return unknowableNumber(n);
    throw new EvalError(`format: unsupported value for "${verb.raw}": an integer is required`);
  }
  if (!Number.isSafeInteger(n)) return unknowableNumber(n);
  return n;
}

function unknowableNumber(n: number): never {
  throw new Unknowable(`format() of the number ${n}, which Terraform holds at a higher precision`);
}

const PREFIXES: Record<string, string> = { b: '0b', o: '0', x: '0x', X: '0X' };
const BASES: Record<string, number> = { b: 2, d: 10, o: 8, x: 16, X: 16 };

/** Go's fmt of a big.Int: sign, # prefix, precision as minimum digits, zero or space padding to the width. */
function formatInteger(verb: Verb, n: number): string {
  const sign = n < 0 ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  let digits = Math.abs(n).toString(BASES[verb.mode]!);
  if (verb.mode === 'X') digits = digits.toUpperCase();
  if (verb.sharp && n === 0) throw new Unknowable(`format(): "${verb.raw}" of zero is not evaluated statically`);
  const prefix = verb.sharp ? (PREFIXES[verb.mode] ?? '') : '';
  let zeros = 0;
  if (verb.precision !== null) {
    if (verb.precision === 0 && n === 0) digits = '';
    zeros = Math.max(verb.precision - digits.length, 0);
  } else if (verb.zero && !verb.minus && verb.width !== null) zeros = Math.max(verb.width - sign.length - prefix.length - digits.length, 0);
  const body = sign + prefix + '0'.repeat(zeros) + digits;
  const fill = ' '.repeat(Math.max((verb.width ?? 0) - body.length, 0));
  return verb.minus ? body + fill : fill + body;
}

/** Go's fmt of a big.Float with %f, for whole numbers (their digits are exact). */
function formatFixed(verb: Verb, n: number): string {
  if (Object.is(n, -0) || verb.sharp) throw new Unknowable(`format(): "${verb.raw}" of ${n} is not evaluated statically`);
  const precision = verb.precision ?? 6;
  const sign = n < 0 ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  const digits = String(Math.abs(n)) + (precision > 0 ? '.' + '0'.repeat(precision) : '');
  const missing = Math.max((verb.width ?? 0) - sign.length - digits.length, 0);
  // big.Float pads with zeros under the 0 flag even when - is given too
  if (verb.zero) return sign + '0'.repeat(missing) + digits;
  return verb.minus ? sign + digits + ' '.repeat(missing) : ' '.repeat(missing) + sign + digits;
}

/**
 * A value as cty's JSON (Go's encoding/json): object keys in byte order, <, > and & escaped.
 * A collection is known only when Terraform's type conversions cannot change it (one kind of
 * element at each level, one primitive type throughout): the engine does not carry its types.
 */
export function goJson(v: Value): string {
  if ((Array.isArray(v) || isObject(v)) && !convertsUnchanged(v)) throw new Unknowable('the JSON of a collection of mixed types is not evaluated statically');
  return json(v);
}

function json(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : unknowableNumber(v);
  if (typeof v === 'string') return goJsonString(v);
  if (Array.isArray(v)) return `[${v.map(json).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort(byCodePoint);
    return `{${keys.map((k) => `${goJsonString(k)}:${json(v[k]!)}`).join(',')}}`;
  }
  throw new Unknowable('the JSON of a value known only after apply is not evaluated statically');
}

function convertsUnchanged(v: Value): boolean {
  const leaves = new Set<string>();
  const kindOf = (x: Value) => (Array.isArray(x) ? 'list' : isObject(x) ? `object:${Object.keys(x).sort().join(',')}` : 'primitive');
  const walk = (x: Value): boolean => {
    if (x === null) return true;
    if (!Array.isArray(x) && !isObject(x)) {
      leaves.add(typeof x);
      return true;
    }
    const items = Array.isArray(x) ? x : Object.values(x);
    return new Set(items.filter((i) => i !== null).map(kindOf)).size <= 1 && items.every(walk);
  };
  return walk(v) && leaves.size <= 1;
}

const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function goJsonString(text: string): string {
  // a lone surrogate is no UTF-8: Go would write U+FFFD
  if (/\p{Cs}/u.test(text)) throw new Unknowable('the JSON of text with a lone surrogate is not evaluated statically');
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c]!);
}
