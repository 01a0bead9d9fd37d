// Terraform's built-in functions that occur in security-group code. Semantics follow the
// Terraform language docs (functions/*.mdx). Each function receives evaluated arguments; an
// argument that is itself unknown makes the result unknown unless the function says otherwise.
import { posix } from 'node:path';
import ipaddr from 'ipaddr.js';
import { parseDocument, type ScalarTag } from 'yaml';
import { budget } from './limits.js';
import { format, formatList, goJson } from './format.js';
import { keepingIdentity } from './list-round-trips.js';
import { fallbackCall } from './fallbacks.js';
import { partialListCall } from './partial-lists.js';
import { LimitError } from './limits.js';
import { base64Bytes, csvDecode, textDecodeBase64, utf8Text } from './decoders.js';
import { UnsupportedPattern, compileRe2, regexAllRe2, regexRe2, replaceAllRe2 } from './re2.js';
import { asciiCase, chomp, graphemes, substr, trimspace } from './text-functions.js';
import { Unknowable } from './unknowable.js';
import { InsideRange } from './inside-range.js';
import {
  EvalError,
  Ref,
  Unknown,
  byCodePoint,
  containsUnknown,
  firstUnknown,
  hasKey,
  isObject,
  isSetValue,
  markSet,
  newObject,
  notKnownThrough,
  objectFrom,
  toBoolValue,
  toNumberValue,
  toStringValue,
  typeName,
  valueKey,
  valuesEqual,
  type ObjectValue,
  type Value,
} from './value.js';

type Fn = (args: Value[]) => Value;

/**
 * Functions that do not change which elements a collection holds: an unknown argument stays
 * the same unknown, so `sort(var.x)` and `var.x` are recognised as the same peer.
 */
const SET_PRESERVING = new Set(['sort', 'toset', 'tolist', 'distinct', 'compact', 'tuple']);

/** Of those, the ones that reorder: no known element of a partly known list keeps its position. */
const REORDERING = new Set(['sort', 'toset']);

/**
 * The same unknown with its unknown parts first, so no position is taken as known
 * (`sort(concat(["10.0.0.0/8"], var.extra))[0]` may be an element of var.extra).
 */
function unordered(u: Unknown): Unknown {
  if (!u.parts) return u;
  return new Unknown(u.expr, u.reason, u.setOutside, [...u.parts.filter((p) => !Array.isArray(p)), ...u.parts.filter((p) => Array.isArray(p))]);
}

/** Functions that look inside lists and objects and so handle nested unknowns themselves. */
const STRUCTURAL = new Set([
  'concat',
  'flatten',
  'length',
  'element',
  'tolist',
  'toset',
  'tomap',
  'merge',
  'lookup',
  'keys',
  'values',
  'distinct',
  'compact',
  'coalescelist',
  'zipmap',
  'slice',
  'reverse',
  'one',
  'setunion',
  'try',
  'can',
  'tuple',
  'list',
  'map',
]);

function list(v: Value, fn: string): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Ref) throw new Unknowable(notKnownThrough(v));
  if (isObject(v) && fn === 'values') return Object.values(v);
  throw new EvalError(`${fn}: expected a list, got ${typeName(v)}`);
}

function object(v: Value, fn: string): ObjectValue {
  if (isObject(v)) return v;
  if (v instanceof Ref) throw new Unknowable(notKnownThrough(v));
  throw new EvalError(`${fn}: expected a map or object, got ${typeName(v)}`);
}

/** The numbers of min() and max(): at least one, and no list. */
function numbers(args: Value[], fn: string): number[] {
  if (args.length === 0) throw new EvalError(`${fn}: must have at least one argument`);
  return args.map((x) => (Array.isArray(x) ? typeError(fn, x) : toNumberValue(x)));
}

function nonEmpty(items: Value[], fn: string): Value[] {
  if (items.length === 0) throw new EvalError(`${fn}: cannot sum an empty list`);
  return items;
}

function typeError(fn: string, v: Value): never {
  throw new EvalError(`${fn}: a ${typeName(v)} is not a number`);
}

/** A set's order: strings lexically, as Terraform iterates sets of strings. */
function toSet(items: Value[]): Value[] {
  const out = distinct(items);
  return markSet(out.every((x) => typeof x === 'string') ? [...(out as string[])].sort(byCodePoint) : out);
}

/** First occurrences, in order; linear (values compared by key, see valueKey). */
function distinct(items: Value[]): Value[] {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const item of items) {
    const key = valueKey(item);
    if (key !== null && seen.has(key)) continue;
    if (key !== null) seen.add(key);
    out.push(item);
  }
  return out;
}

/** Whether `item` is in `set` (a set of valueKeys); values without a key match only themselves. */
function memberOf(items: Value[]): (item: Value) => boolean {
  const keys = new Set(items.map(valueKey));
  return (item) => {
    const key = valueKey(item);
    return key === null ? items.some((x) => valuesEqual(x, item)) : keys.has(key);
  };
}

/** A string argument as cty holds it: every cty string is NFC-normalised ("e\u0301" is "\u00e9"). */
function str(v: Value): string {
  if (v instanceof Ref) throw new Unknowable(notKnownThrough(v));
  return toStringValue(v).normalize('NFC');
}

/** An integer argument, as cty requires one (a fraction is Terraform's error, never rounded here). */
function wholeNumber(v: Value, fn: string): number {
  const n = toNumberValue(v);
  if (!Number.isSafeInteger(n)) throw new EvalError(`${fn}: invalid value: must be a whole number`);
  return n;
}

function parseCidr(prefix: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(prefix);
  } catch {
    throw new EvalError(`invalid CIDR "${prefix}"`);
  }
  // Go reads an IPv4-mapped prefix (::ffff:0:0/96) as IPv4 in ways ipaddr.js does not reproduce
  const [addr] = parsed;
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    throw new Unknowable(`the IPv4-mapped prefix "${prefix}" is not evaluated statically`);
  return parsed;
}

/** Adds `n` (a bigint) to the address bits. */
function offsetAddress(addr: ipaddr.IPv4 | ipaddr.IPv6, bits: number, prefix: number, n: bigint, hostBits: number): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes = addr.toByteArray();
  let value = bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
  const total = BigInt(bits);
  const mask = ((1n << total) - 1n) ^ ((1n << (total - BigInt(prefix))) - 1n);
  value = (value & mask) | (n << BigInt(hostBits));
  const out: number[] = [];
  for (let i = 0; i < bits / 8; i++) out.unshift(Number((value >> BigInt(8 * i)) & 0xffn));
  return ipaddr.fromByteArray(out);
}

function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const [addr, len] = parseCidr(prefix);
  const bits = addr.kind() === 'ipv4' ? 32 : 128;
  const newLen = len + newbits;
  if (newLen > bits) throw new EvalError(`cidrsubnet: not enough bits (${newLen} > ${bits})`);
  if (BigInt(netnum) >= 1n << BigInt(newbits)) throw new EvalError(`cidrsubnet: netnum ${netnum} does not fit in ${newbits} bits`);
  const sub = offsetAddress(addr, bits, len, BigInt(netnum), bits - newLen);
  return `${sub.toString()}/${newLen}`;
}

/**
 * cidrsubnet of a known range (or of one inside a known range) with a newbits or netnum not
 * known here: inside that range, whatever they are. Undefined when the range is not known or
 * every argument is (the call computes it).
 */
function subnetOfKnownRange([prefix, newbits, netnum]: Value[], src: string): InsideRange | undefined {
  const unknown = [prefix, newbits, netnum].find((a) => a instanceof Unknown);
  if (!unknown) return undefined;
  let range: string;
  if (prefix instanceof InsideRange) range = prefix.range;
  else if (typeof prefix === 'string') {
    try {
      range = cidrsubnet(prefix, 0, 0);
    } catch {
      return undefined;
    }
  } else return undefined;
  const bits = range.includes(':') ? 128 : 32;
  if (typeof newbits === 'number' && !(Number(range.split('/')[1]) + newbits <= bits && Number.isInteger(newbits) && newbits >= 0)) return undefined;
  return new InsideRange(src, unknown.reason, range, unknown.setOutside);
}

function cidrhost(prefix: string, hostnum: number): string {
  const [addr, len] = parseCidr(prefix);
  const bits = addr.kind() === 'ipv4' ? 32 : 128;
  const size = 1n << BigInt(bits - len);
  let n = BigInt(hostnum);
  if (n < 0n) n += size;
  if (n < 0n || n >= size) throw new EvalError(`cidrhost: host number ${hostnum} is out of range for ${prefix}`);
  return offsetAddress(addr, bits, len, n, 0).toString();
}

/** Every combination of one element of each argument; a set if any argument is one. */
function setProduct(sets: Value[]): Value[] {
  if (sets.length < 2) throw new EvalError('setproduct: at least two arguments are required');
  let product: Value[][] = [[]];
  for (const s of sets) {
    const items = list(s, 'setproduct');
    product = product.flatMap((prefix) => items.map((x) => [...prefix, x]));
    budget().checkSize(product.length, 'the result of setproduct()');
  }
  return sets.some(isSetValue) ? toSet(product) : product;
}

/** Swaps a map of lists of strings: each string names the keys whose list holds it, in key order. */
function transpose(map: ObjectValue): ObjectValue {
  const out = new Map<string, string[]>();
  for (const key of Object.keys(map).sort(byCodePoint))
    for (const item of list(map[key]!, 'transpose')) {
      if (item === null) throw new EvalError('transpose: input list must not contain null string');
      const name = str(item);
      const keys = out.get(name) ?? [];
      keys.push(key);
      out.set(name, keys);
    }
  return objectFrom([...out.keys()].sort(byCodePoint).map((k) => [k, out.get(k)!] as const));
}

function flatten(items: Value[]): Value[] {
  return items.flatMap((x) => (Array.isArray(x) ? flatten(x) : [x]));
}

const FUNCTIONS: Record<string, Fn> = {
  concat: (a) => {
    if (a.length === 0) throw new EvalError('concat: at least one argument is required');
    return a.flatMap((x) => list(x, 'concat'));
  },
  flatten: ([l]) => flatten(list(l!, 'flatten')),
  distinct: ([l]) => distinct(list(l!, 'distinct')),
  toset: ([l]) => toSet(list(l!, 'toset')),
  // a new array: a list, no longer the tuple or set it was made from (see equality.ts)
  tolist: ([l]) => [...list(l!, 'tolist')],
  // Terraform 0.11's constructors, still in live code
  list: (items) => items,
  map: (items) => {
    if (items.length % 2) throw new EvalError('map: needs key/value pairs');
    const out: ObjectValue = {};
    for (let i = 0; i < items.length; i += 2) out[str(items[i]!)] = items[i + 1]!;
    return out;
  },
  tuple: ([l]) => list(l!, 'tuple'),
  tomap: ([m]) => objectFrom(Object.entries(object(m!, 'tomap'))),
  setunion: (a) => toSet(a.flatMap((x) => list(x, 'setunion'))),
  setintersection: ([first, ...rest]) => {
    const others = rest.map((r) => memberOf(list(r, 'setintersection')));
    return toSet(list(first!, 'setintersection').filter((x) => others.every((has) => has(x))));
  },
  setsubtract: ([a, b]) => {
    const has = memberOf(list(b!, 'setsubtract'));
    return toSet(list(a!, 'setsubtract').filter((x) => !has(x)));
  },
  lookup: ([m, k, d]) => {
    const map = object(m!, 'lookup');
    const key = str(k!);
    if (hasKey(map, key)) return map[key]!;
    if (d === undefined) throw new EvalError(`lookup: no key "${key}" and no default`);
    return d;
  },
  merge: (a) => {
    const out = newObject();
    for (const m of a) if (m !== null) for (const [k, v] of Object.entries(object(m, 'merge'))) out[k] = v;
    return out;
  },
  keys: ([m]) => Object.keys(object(m!, 'keys')).sort(byCodePoint),
  values: ([m]) => {
    const map = object(m!, 'values');
    return Object.keys(map)
      .sort(byCodePoint)
      .map((k) => map[k]!);
  },
  length: ([v = null]) => {
    if (typeof v === 'string') return graphemes(v).length;
    if (Array.isArray(v)) return v.length;
    if (isObject(v)) return Object.keys(v).length;
    if (v instanceof Ref) throw new Unknowable(notKnownThrough(v));
    throw new EvalError(`length: cannot take the length of a ${typeName(v)}`);
  },
  element: ([l, i]) => {
    const items = list(l!, 'element');
    if (isSetValue(l!)) throw new EvalError('element: cannot use element function with a set');
    if (items.length === 0) throw new EvalError('element: cannot use element function with an empty list');
    if (i instanceof Unknown) return i;
    const n = wholeNumber(i!, 'element');
    if (n < 0) throw new EvalError('element: cannot use element function with a negative index');
    return items[n % items.length]!;
  },
  slice: ([l, from, to]) => {
    const items = list(l!, 'slice');
    const [start, end] = [wholeNumber(from!, 'slice'), wholeNumber(to!, 'slice')];
    if (start < 0 || end > items.length || start > end) throw new EvalError('slice: the indices are out of range');
    return items.slice(start, end);
  },
  reverse: ([l]) => [...list(l!, 'reverse')].reverse(),
  sort: ([l]) => {
    const items = list(l!, 'sort');
    if (items.some((x) => x instanceof Unknown)) return items.find((x) => x instanceof Unknown)!;
    return items.map(str).sort(byCodePoint);
  },
  one: ([l]) => {
    const items = list(l!, 'one');
    if (items.length > 1) throw new EvalError('one: more than one element');
    return items[0] ?? null;
  },
  index: ([l, v]) => {
    if (isSetValue(l!)) throw new EvalError('index: cannot search a set');
    const i = list(l!, 'index').findIndex((x) => valuesEqual(x, v!));
    if (i < 0) throw new EvalError('index: element not found');
    return i;
  },
  contains: ([l, v]) => list(l!, 'contains').some((x) => valuesEqual(x, v!)),
  coalesce: (a) => {
    for (const v of a) {
      if (v instanceof Unknown) return v;
      if (v !== null && v !== '') return v;
    }
    throw new EvalError('coalesce: no non-null, non-empty argument');
  },
  coalescelist: (a) => {
    for (const v of a) {
      if (v instanceof Unknown) return v;
      if (list(v, 'coalescelist').length > 0) return v;
    }
    throw new EvalError('coalescelist: all lists are empty');
  },
  compact: ([l]) => list(l!, 'compact').filter((x) => x !== null && x !== ''),
  zipmap: ([k, v]) => {
    const keys = list(k!, 'zipmap');
    const values = list(v!, 'zipmap');
    if (keys.length !== values.length) throw new EvalError('zipmap: the lists of keys and values have different lengths');
    const out = newObject();
    keys.forEach((key, i) => (out[str(key)] = values[i] ?? null));
    return out;
  },
  range: (a) => {
    if (a.length < 1 || a.length > 3) throw new EvalError('range: must have one, two, or three arguments');
    const n = a.map(toNumberValue);
    const [start, end] = n.length === 1 ? [0, n[0]!] : [n[0]!, n[1]!];
    const step = n[2] ?? (start <= end ? 1 : -1);
    // Terraform adds a fractional step exactly (0.3 three times is 0.9), doubles do not
    if (!Number.isInteger(start) || !Number.isInteger(step)) throw new Unknowable('range() of fractions is not evaluated statically');
    if (step >= 0 && end < start) throw new EvalError('range: end must be greater than start when step is positive');
    if (step < 0 && end > start) throw new EvalError('range: end must be less than start when step is negative');
    const out: number[] = [];
    for (let x = start; step >= 0 ? x < end : x > end; x += step) {
      out.push(x);
      if (out.length > 1024) throw new EvalError('range: more than 1024 elements');
    }
    return out;
  },
  // min and max take numbers, not a list (min([1]) is Terraform's error; min(l...) expands one)
  min: (a) => Math.min(...numbers(a, 'min')),
  max: (a) => Math.max(...numbers(a, 'max')),
  sum: ([l]) =>
    nonEmpty(list(l!, 'sum'), 'sum')
      .map(toNumberValue)
      .reduce((x, y) => x + y, 0),
  abs: ([n]) => Math.abs(toNumberValue(n!)),
  ceil: ([n]) => Math.ceil(toNumberValue(n!)),
  floor: ([n]) => Math.floor(toNumberValue(n!)),
  tonumber: ([v]) => (v === null ? null : toNumberValue(v!)),
  tostring: ([v]) => (v === null || v instanceof Ref ? v! : toStringValue(v!)),
  // sensitive() only hides a value from Terraform's output: the value is the same
  sensitive: ([v]) => v!,
  nonsensitive: ([v]) => v!,
  jsondecode: ([s]) => jsonDecode(str(s!)),
  yamldecode: ([s]) => yamlDecode(str(s!)),
  base64decode: ([s]) => utf8Text(base64Bytes(str(s!), 'base64decode'), 'base64decode: the result of decoding the provided string is not valid UTF-8'),
  tobool: ([v]) => (v === null ? null : toBoolValue(v!)),
  lower: ([s]) => asciiCase(str(s!), 'lower', (t) => t.toLowerCase()),
  upper: ([s]) => asciiCase(str(s!), 'upper', (t) => t.toUpperCase()),
  // Go's strings.Title: a letter after anything but a letter, digit or underscore
  title: ([s]) => asciiCase(str(s!), 'title', (t) => t.replace(/\b\w/g, (c) => c.toUpperCase())),
  trimspace: ([s]) => trimspace(str(s!)),
  chomp: ([s]) => chomp(str(s!)),
  strrev: ([s]) => graphemes(str(s!)).reverse().join(''),
  trim: ([s, chars]) => {
    const set = new Set(str(chars!));
    const t = [...str(s!)];
    while (t.length && set.has(t[0]!)) t.shift();
    while (t.length && set.has(t[t.length - 1]!)) t.pop();
    return t.join('');
  },
  trimprefix: ([s, p]) => (str(s!).startsWith(str(p!)) ? str(s!).slice(str(p!).length) : str(s!)),
  trimsuffix: ([s, p]) => (str(s!).endsWith(str(p!)) && str(p!) ? str(s!).slice(0, -str(p!).length) : str(s!)),
  basename: ([s]) => str(s!).replace(/\/+$/, '').split('/').pop() ?? '',
  // Go's filepath.Dir: all but the last element, cleaned (`/root.hcl` is in `/`, `a/b/` in `a/b`)
  dirname: ([s]) => {
    const dir = posix.normalize(str(s!).slice(0, str(s!).lastIndexOf('/') + 1) || '.');
    return dir.length > 1 ? dir.replace(/\/$/, '') : dir;
  },
  startswith: ([s, p]) => str(s!).startsWith(str(p!)),
  endswith: ([s, p]) => str(s!).endsWith(str(p!)),
  substr: ([s, o, l]) => substr(str(s!), wholeNumber(o!, 'substr'), wholeNumber(l!, 'substr')),
  format: ([spec, ...args]) => format(str(spec!), args),
  formatlist: ([spec, ...args]) => formatList(str(spec!), args),
  join: ([sep, ...lists]) => {
    const items = lists.flatMap((l) => list(l, 'join'));
    // join("", [one reference]) is an old idiom for "the id or nothing": keep the reference
    if (items.length === 1 && items[0] instanceof Ref) return items[0];
    if (items.some((x) => x instanceof Unknown)) return items.find((x) => x instanceof Unknown)!;
    return items.map(str).join(str(sep!));
  },
  split: ([sep, s]) => {
    const text = str(s!);
    return text === '' ? [''] : text.split(str(sep!));
  },
  replace: ([s, search, rep]) => {
    const needle = str(search!);
    const m = /^\/([\s\S]*)\/$/.exec(needle);
    if (m) return replaceAllRe2(str(s!), compileRe2(m[1]!), str(rep!));
    // Go's strings.Replace: an empty search matches at both ends and between characters
    if (needle === '') return str(rep!) + [...str(s!)].join(str(rep!)) + (str(s!) ? str(rep!) : '');
    return str(s!).split(needle).join(str(rep!));
  },
  regex: ([p, s]) => regexRe2(str(p!), str(s!)),
  regexall: ([p, s]) => regexAllRe2(str(p!), str(s!)),
  csvdecode: ([s]) => csvDecode(str(s!)),
  textdecodebase64: ([s, e]) => textDecodeBase64(str(s!), str(e!)),
  setproduct: (sets) => setProduct(sets),
  transpose: ([m]) => transpose(object(m!, 'transpose')),
  chunklist: ([l, n]) => {
    const items = list(l!, 'chunklist');
    const size = wholeNumber(n!, 'chunklist');
    if (size < 0) throw new EvalError('chunklist: the size argument must be positive');
    // a size of 0 is one chunk of the whole list
    const step = size || Math.max(items.length, 1);
    const out: Value[] = [];
    for (let i = 0; i < items.length; i += step) out.push(items.slice(i, i + step));
    return out;
  },
  alltrue: ([l]) => list(l!, 'alltrue').every((x) => toBoolValue(x)),
  anytrue: ([l]) => list(l!, 'anytrue').some((x) => toBoolValue(x)),
  jsonencode: ([v]) => goJson(v!),
  cidrsubnet: ([p, b, n]) => cidrsubnet(str(p!), wholeNumber(b!, 'cidrsubnet'), wholeNumber(n!, 'cidrsubnet')),
  cidrsubnets: ([p, ...bits]) => {
    const [addr, len] = parseCidr(str(p!));
    const total = addr.kind() === 'ipv4' ? 32 : 128;
    let next = 0n;
    return bits.map((b) => {
      const newLen = len + wholeNumber(b, 'cidrsubnets');
      const step = 1n << BigInt(total - newLen);
      next = ((next + step - 1n) / step) * step;
      const sub = offsetAddress(addr, total, len, next, 0);
      next += step;
      return `${sub.toString()}/${newLen}`;
    });
  },
  cidrhost: ([p, n]) => cidrhost(str(p!), wholeNumber(n!, 'cidrhost')),
  cidrnetmask: ([p]) => {
    const [addr, len] = parseCidr(str(p!));
    if (addr.kind() !== 'ipv4') throw new EvalError('cidrnetmask: only IPv4 prefixes have a netmask');
    return ipaddr.IPv4.subnetMaskFromPrefixLength(len).toString();
  },
};

/**
 * Terraform 0.6 lists were strings, and its concat took a plain string beside them as one more
 * element (an empty one as none): `concat(split(",", var.cidrs), "10.0.0.1/32")` is the list
 * and that address (hashicorp/terraform#1790). Read so when another argument is a list or may
 * be one; 0.7 and later refuse a string there ("concat: argument 2 should be type list").
 */
function legacyConcatArguments(args: Value[]): Value[] {
  if (!args.some((a) => typeof a === 'string') || !args.some((a) => Array.isArray(a) || a instanceof Unknown)) return args;
  return args.map((a) => (typeof a === 'string' ? (a === '' ? [] : [a]) : a));
}

// Looked up in a Map: a .tf calling hasOwnProperty() or toString() must find no function (an
// unresolved value), never one of Object.prototype's.
const BY_NAME = new Map(Object.entries(FUNCTIONS));

/** The names of the functions evaluated statically (for tests that call every one). */
export const EVALUATED_FUNCTIONS: readonly string[] = [...BY_NAME.keys()];

/**
 * Calls a function on evaluated arguments, propagating unknowns. `strict`: inside try() or
 * can(), where Terraform's refusal picks the value, so no 0.6 leniency (see Scope.strict).
 */
export function callFunction(name: string, given: Value[], src: string, strict = false): Value {
  const fn = BY_NAME.get(name);
  if (!fn) return new Unknown(src, `function ${name}() is not evaluated statically`);
  const args = name === 'concat' && !strict ? legacyConcatArguments(given) : given;
  // a known argument that is no list is Terraform's error whatever the others are
  if (name === 'concat' && strict) for (const a of args) if (a === null || typeof a !== 'object' || isObject(a)) list(a, 'concat');
  const kept = keepingIdentity(name, args, src);
  if (kept !== undefined) return kept;
  const picked = fallbackCall(name, args, src);
  if (picked !== undefined) return picked;
  const partial = partialListCall(name, args, src, (n, a, s) => callFunction(n, a, s, strict));
  if (partial !== undefined) return partial;
  const inside = name === 'cidrsubnet' ? subnetOfKnownRange(args, src) : undefined;
  if (inside) return inside;
  const unknownArg = args.find((a) => a instanceof Unknown);
  if (unknownArg && SET_PRESERVING.has(name) && args.length === 1) return REORDERING.has(name) ? unordered(unknownArg as Unknown) : unknownArg;
  if (unknownArg && name === 'concat' && args.every((a) => a instanceof Unknown || Array.isArray(a)))
    return new Unknown(src, (unknownArg as Unknown).reason, (unknownArg as Unknown).setOutside, args);
  // flattening a joined list keeps the lists it joins (their elements are read flattened)
  if (name === 'flatten' && args.length === 1 && unknownArg instanceof Unknown && unknownArg.parts)
    return new Unknown(src, unknownArg.reason, unknownArg.setOutside, unknownArg.parts);
  if (unknownArg && name !== 'coalesce' && name !== 'coalescelist') return new Unknown(src, (unknownArg as Unknown).reason, (unknownArg as Unknown).setOutside);
  if (!STRUCTURAL.has(name) && args.some(containsUnknown)) {
    const inner = args.map(firstUnknown).find((u) => u !== null)!;
    return new Unknown(src, inner.reason, inner.setOutside);
  }
  return guardedCall(name, src, () => {
    // an implementation may index past its input (element(l, 0.5) once did): never pass undefined on
    const result = fn(args) as Value | undefined;
    if (result === undefined) return new Unknown(src, `${name}() gave no value for these arguments`);
    if (Array.isArray(result)) budget().checkSize(result.length, `the result of ${name}()`);
    else if (typeof result === 'string') budget().checkString(result.length);
    return result;
  });
}

/**
 * Runs one function call so that nothing but Terraform's own errors (EvalError, which try()
 * and can() catch) and bounds leave it: input a function cannot handle is an Unknown naming
 * the function and why, never a crash of the review.
 */
export function guardedCall<T extends Value | undefined>(name: string, src: string, call: () => T): T | Unknown {
  try {
    return call();
  } catch (e) {
    if (e instanceof Unknowable) return new Unknown(src, e.message);
    if (e instanceof UnsupportedPattern) return new Unknown(src, `${name}(): ${e.message}`);
    if (e instanceof EvalError || e instanceof LimitError || isEngineLimit(e)) throw e;
    return new Unknown(src, `${name}() could not be evaluated: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The call stack or V8's largest array or string: a bound the budget reports, not a function's failure. */
function isEngineLimit(e: unknown): boolean {
  return e instanceof RangeError && /call stack|Invalid (array|string) length/i.test(e.message);
}

// Terraform's YAML (go-cty-yaml) resolves the YAML 1.1 booleans beside the 1.2 core schema's
// numbers and nulls: `yes`, `on`, `y` are true (`terraform console`: yamldecode("a: y").a is true)
const TRUE_WORDS = /^(?:[yY]|yes|Yes|YES|on|On|ON|true|True|TRUE)$/;
const FALSE_WORDS = /^(?:[nN]|no|No|NO|off|Off|OFF|false|False|FALSE)$/;
const YAML_11_BOOL: ScalarTag = {
  identify: (v) => typeof v === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: new RegExp(`${TRUE_WORDS.source}|${FALSE_WORDS.source}`),
  resolve: (text) => TRUE_WORDS.test(text),
};

/**
 * A YAML document as Terraform reads it: 1.1 booleans, merge keys (`<<: *anchor`), the last of
 * repeated keys; a tag it does not know is its error (never a warning: the yaml package would
 * print the tagged line, a secret perhaps, to the log). Aliases are bounded.
 */
function yamlDecode(text: string): Value {
  const doc = parseDocument(text, { schema: 'core', customTags: (tags) => [YAML_11_BOOL, ...tags], merge: true, uniqueKeys: false, logLevel: 'silent' });
  if (doc.errors.length) throw new EvalError('yamldecode: the text is not valid YAML');
  if (doc.warnings.some((w) => w.code === 'TAG_RESOLVE_FAILED')) throw new EvalError('yamldecode: unsupported tag');
  try {
    return plainValue(doc.toJS({ maxAliasCount: 100 }));
  } catch {
    throw new EvalError('yamldecode: the text is not valid YAML');
  }
}

/** A parsed document's value with objects of null prototype (a key `__proto__` is a key). */
function plainValue(v: unknown): Value {
  if (Array.isArray(v)) return v.map(plainValue);
  if (v !== null && typeof v === 'object') return objectFrom(Object.entries(v).map(([k, x]) => [k, plainValue(x)] as const));
  return v as Value;
}

/** A JSON document as a value; text that is not JSON is an error of the expression, never a crash. */
function jsonDecode(text: string): Value {
  try {
    return JSON.parse(text) as Value;
  } catch {
    throw new EvalError('jsondecode: the text is not valid JSON');
  }
}
