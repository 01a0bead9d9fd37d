// The static evaluator: computes what Terraform knows before `plan`. Anything it cannot know
// becomes an explicit Unknown carrying the expression text, never a guess.
import { LRUCache } from 'lru-cache';
import { parseTemplate, type Node, type SplatOp, type TemplatePart } from '../hcl/expression.js';
import { Alternatives, OneOf, eachBranch, evaluatedBranches } from './alternatives.js';
import { exactArithmetic } from './decimal.js';
import { markLiteral, terraformEquals } from './equality.js';
import { callFunction, guardedCall } from './functions.js';
import { isReadingFunction, readingFunction } from './data-files.js';
import { PartlyKnown, appendPart, type TemplateShape } from './partly-known.js';
import { MergedMaps, mergedEntry, oneOf } from './fallbacks.js';
import { anyOfParts, joinedList, joinedParts, knownPrefix } from './partial-lists.js';
import { LimitError, budget } from './limits.js';
import { Unknowable } from './unknowable.js';
import {
  EvalError,
  Lazy,
  Ref,
  Unknown,
  byCodePoint,
  hasKey,
  isObject,
  newObject,
  isEveryInstance,
  notKnownThrough,
  singleCountedInstance,
  toBoolValue,
  toNumberValue,
  toStringValue,
  typeName,
  valuesEqual,
  type ObjectValue,
  type Value,
} from './value.js';

/** What an expression can refer to in its module. */
export interface ModuleContext {
  variable(name: string): Value;
  local(name: string): Value;
  /** `TYPE.NAME` of a managed resource: a Ref, or a list/map of them with count/for_each. */
  resource(type: string, name: string, src: string): Value;
  /** `data.TYPE.NAME`: unknown until plan (a Lazy whose attributes are Unknown). */
  dataSource(type: string, name: string): Value;
  /** `module.NAME`: the call's outputs (a Lazy), or a list/map of them. */
  moduleCall(name: string, src: string): Value;
  readonly path: string;
  /** `path.module` as Terraform answers it: the module's directory relative to the root's. */
  readonly modulePath?: string;
  /** A path `file()` reads, written relative to the working directory, as a repository path
   * (null: outside the repository); absent: no file is read here. */
  resolveFile?(written: string): string | null;
  /** Functions of the file's own language (Terragrunt's), or undefined to use Terraform's. */
  contextFunction?(name: string, args: Value[], src: string): Value | undefined;
}

export interface Scope {
  module: ModuleContext;
  /** count, each, dynamic-block iterators and for-expression variables. */
  names: ReadonlyMap<string, Value>;
  /**
   * Inside try() or can(): Terraform's errors pick the value there, so code older Terraform
   * read leniently (0.6's concat of a string) is the error it is now, never a value.
   */
  readonly strict?: boolean;
}

export function withNames(scope: Scope, extra: Record<string, Value>): Scope {
  const names = new Map(scope.names);
  for (const [k, v] of Object.entries(extra)) names.set(k, v);
  return { module: scope.module, names, strict: scope.strict };
}

/** How many parsed templates a long-running server keeps (least recently used dropped). */
export const TEMPLATE_CACHE_SIZE = 20_000;
const templateCache = new LRUCache<string, Node>({ max: TEMPLATE_CACHE_SIZE });

/** hcl2json returns every string as a template; parse each distinct one once while it is hot. */
export function templateNode(text: string): Node {
  let node = templateCache.get(text);
  if (!node) {
    node = parseTemplate(text);
    templateCache.set(text, node);
  }
  return node;
}

/** The expression of a template that is one `${…}` and nothing else (its value is the expression's, not a string); null otherwise. */
export function singleInterpolation(node: Node): Node | null {
  if (node.kind !== 'template' || node.parts.length !== 1) return null;
  const [only] = node.parts;
  return typeof only === 'object' && only.kind === 'interp' ? only.expr : null;
}

/** Parsed templates held now (bounded by TEMPLATE_CACHE_SIZE). */
export function cachedTemplates(): number {
  return templateCache.size;
}

/**
 * Evaluates a value in hcl2json's form (templates in strings, nested lists and objects). A
 * bound hit anywhere inside (depth, size, time) makes the whole value an Unknown naming it.
 */
export function evaluateJson(raw: unknown, scope: Scope): Value {
  try {
    return evaluateRaw(raw, scope);
  } catch (e) {
    const limit = asLimitError(e);
    return new Unknown(rawText(raw), limit.message);
  }
}

function evaluateRaw(raw: unknown, scope: Scope): Value {
  if (typeof raw === 'string') {
    if (!raw.includes('${') && !raw.includes('%{')) return raw.replace(/([$%])\1\{/g, '$1{');
    return evaluateSafely(() => templateNode(raw), scope, raw);
  }
  if (raw === null || typeof raw !== 'object') return (raw ?? null) as Value;
  const b = budget();
  b.enter();
  try {
    // hcl2json's arrays and objects are the literals written in the file: tuples and objects
    if (Array.isArray(raw)) return markLiteral(raw.map((item) => evaluateRaw(item, scope)));
    const out = newObject();
    for (const [k, v] of Object.entries(raw)) {
      const key = rawKey(k, scope);
      if (key instanceof Unknown) return key;
      out[key] = evaluateRaw(v, scope);
    }
    return markLiteral(out);
  } finally {
    b.leave();
  }
}

/**
 * An object key in hcl2json's form: a template (`(k) = v` is written "${(k)}", `"${k}x" = v`
 * as itself), whose value is the key, or an Unknown when it has none before apply.
 */
function rawKey(key: string, scope: Scope): string | Unknown {
  const value = evaluateRaw(key, scope);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return toStringValue(value);
  if (value instanceof Unknown) return new Unknown(key, value.reason, value.setOutside);
  return new Unknown(
    key,
    value === null ? 'an object key is null (Terraform refuses it)' : `an object key is a ${typeName(value)}, known only after apply or refused`,
  );
}

/** A short text for an unparsed value, for messages (never the whole of a huge value). */
function rawText(raw: unknown): string {
  if (typeof raw === 'string') return raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
  return Array.isArray(raw) ? '[…]' : '{…}';
}

/**
 * A bound hit, or the engine's own limits reached (the call stack, V8's largest array or
 * string) which hostile input can also reach: both become a recorded LimitError.
 */
function asLimitError(e: unknown): LimitError {
  let limit: LimitError;
  if (e instanceof LimitError) limit = e;
  else if (e instanceof RangeError && /call stack/i.test(e.message)) limit = new LimitError('max_expression_depth', 'expression nested too deep to evaluate');
  else if (e instanceof RangeError) limit = new LimitError('max_values', `value too large to evaluate: ${e.message}`);
  else throw e;
  budget().record(limit);
  return limit;
}

/** Evaluates, turning syntax and dynamic errors, and bounds hit, into an Unknown that says why. */
export function evaluateSafely(getNode: () => Node, scope: Scope, src: string): Value {
  let node: Node;
  try {
    node = getNode();
  } catch (e) {
    if (e instanceof RangeError || e instanceof LimitError) return new Unknown(rawText(src), asLimitError(e).message);
    return new Unknown(rawText(src), `cannot parse expression: ${(e as Error).message}`);
  }
  try {
    return evaluate(node, scope);
  } catch (e) {
    if (e instanceof EvalError) return new Unknown(unwrap(src), `evaluation error: ${e.message}`);
    if (e instanceof Unknowable) return new Unknown(unwrap(src), e.message);
    return new Unknown(rawText(unwrap(src)), asLimitError(e).message);
  }
}

/** An expression's source as written, without hcl2json's `${…}` wrapping. */
export function unwrap(src: string): string {
  const m = /^\$\{([\s\S]*)\}$/.exec(src);
  return m ? m[1]!.trim() : src;
}

function unknownFrom(node: Node, inner: Unknown): Unknown {
  return new Unknown(node.src, inner.reason, inner.setOutside);
}

export function evaluate(node: Node, scope: Scope): Value {
  const b = budget();
  b.enter();
  try {
    return evaluateNode(node, scope);
  } finally {
    b.leave();
  }
}

function evaluateNode(node: Node, scope: Scope): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'template':
      return evaluateTemplate(node, scope);
    case 'variable':
      return lookupName(node.name, scope, node.src);
    case 'attr':
      if (node.object.kind === 'variable' && !scope.names.has(node.object.name)) return evaluateRoot(node, node.object.name, scope);
      return getAttr(node, evaluate(node.object, scope), node.name);
    case 'index': {
      const object = evaluate(node.object, scope);
      const key = evaluate(node.key, scope);
      return getIndex(node, object, key);
    }
    case 'splat':
      return evaluateSplat(node, evaluate(node.object, scope), node.ops, scope);
    case 'call':
      return evaluateCall(node, scope);
    case 'tuple':
      return markLiteral(node.items.map((item) => evaluate(item, scope)));
    case 'object': {
      const out = newObject();
      for (const { key, value } of node.items) {
        const k = evaluate(key, scope);
        if (k instanceof Unknown) return unknownFrom(node, k);
        out[toStringValue(k)] = evaluate(value, scope);
      }
      return markLiteral(out);
    }
    case 'unary': {
      const v = evaluate(node.operand, scope);
      if (v instanceof Unknown) return unknownFrom(node, v);
      if (v instanceof Ref) return new Unknown(node.src, `${v.text} is known only after apply`);
      return node.op === '!' ? !toBoolValue(v) : -toNumberValue(v);
    }
    case 'binary':
      return evaluateBinary(node, scope);
    case 'conditional':
      return evaluateConditional(node, scope);
    case 'for':
      return evaluateFor(node, scope);
  }
}

/** `var.x`, `local.y`, `aws_security_group.web`, `module.m` are attribute nodes on a root name. */
function evaluateRoot(node: Extract<Node, { kind: 'attr' }>, name: string, scope: Scope): Value {
  const ctx = scope.module;
  switch (name) {
    case 'var':
      return ctx.variable(node.name);
    case 'local':
      return ctx.local(node.name);
    case 'module':
      return ctx.moduleCall(node.name, node.src);
    case 'path':
      // Terraform answers path.module relative to the root module's directory, where it runs
      // (path.root, and path.cwd as far as a path read from it goes)
      if (node.name === 'module') return ctx.modulePath ?? ctx.path;
      if ((node.name === 'root' || node.name === 'cwd') && ctx.modulePath !== undefined) return '.';
      return new Unknown(node.src, 'path is known only when Terraform runs');
    case 'terraform':
      return new Unknown(node.src, 'the workspace is chosen when Terraform runs');
    case 'count':
    case 'each':
    case 'self':
      throw new EvalError(`"${name}" is not available here`);
    case 'data':
      return new Lazy(`data.${node.name}`, (dataName) => ctx.dataSource(node.name, dataName));
    default:
      return ctx.resource(name, node.name, node.src);
  }
}

function lookupName(name: string, scope: Scope, src: string): Value {
  const v = scope.names.get(name);
  if (v !== undefined) return v;
  throw new EvalError(`unknown name "${src}"`);
}

function getAttr(node: Node, object: Value, name: string): Value {
  if (object instanceof Alternatives) return eachBranch(node.src, object, (b) => getAttr(node, b, name));
  if (object instanceof MergedMaps) return mergedEntry(node.src, object, name);
  if (object instanceof Unknown) return unknownFrom(node, object);
  if (object instanceof Ref) return object.echoed(name) ?? object.child(name);
  if (object instanceof Lazy) return object.get(name);
  const single = singleCountedInstance(object);
  if (single) return getAttr(node, single, name);
  if (isObject(object)) {
    if (hasKey(object, name)) return object[name]!;
    throw new EvalError(`object has no attribute "${name}"`);
  }
  // data.TYPE.NAME: the Lazy for data returns the unknown for the whole path
  throw new EvalError(`cannot read attribute "${name}" of a ${typeName(object)}`);
}

function getIndex(node: Node, object: Value, key: Value): Value {
  if (object instanceof Alternatives && !(key instanceof Unknown)) return eachBranch(node.src, object, (b) => getIndex(node, b, key));
  if (object instanceof MergedMaps && (typeof key === 'string' || typeof key === 'number')) return mergedEntry(node.src, object, toStringValue(key));
  const parts = joinedParts(object);
  if (parts && key instanceof Unknown) return anyElement(node, object, key);
  // a position among the known first elements of a partly known list is known
  if (parts && typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < knownPrefix(parts).length) return knownPrefix(parts)[key]!;
  if (object instanceof Unknown) return unknownFrom(node, object);
  if (key instanceof Unknown) return anyElement(node, object, key);
  if (object instanceof Ref) return object.child(`[${JSON.stringify(key)}]`);
  if (object instanceof Lazy) return object.instance ? object.instance(key) : object.get(toStringValue(key));
  if (Array.isArray(object)) {
    const i = toNumberValue(key);
    if (i < 0 || i >= object.length || !Number.isInteger(i)) throw new EvalError(`index ${i} out of range (length ${object.length})`);
    return object[i]!;
  }
  if (isObject(object)) {
    const k = toStringValue(key);
    if (hasKey(object, k)) return object[k]!;
    throw new EvalError(`no key "${k}"`);
  }
  throw new EvalError(`cannot index a ${typeName(object)}`);
}

/** `L[i]` with i unknown: one of L's elements (see OneOf), of a partly known L an element of a known part or what its unknown parts hold. */
function anyElement(node: Node, object: Value, key: Unknown): Value {
  const parts = joinedParts(object);
  const items = parts
    ? anyOfParts(parts, (p) => unknownFrom(node, p as Unknown))
    : Array.isArray(object)
      ? object
      : isObject(object)
        ? Object.values(object)
        : [];
  return items.length
    ? new OneOf(
        node.src,
        key.reason,
        items.map((value) => ({ value, nullWritten: false })),
        key.setOutside,
      )
    : unknownFrom(node, key);
}

function evaluateSplat(node: Node, object: Value, ops: SplatOp[], scope: Scope): Value {
  if (object instanceof Unknown) return unknownFrom(node, object);
  // A non-list value becomes a one-element tuple; null becomes empty (Terraform splat rules).
  const items = object === null ? [] : Array.isArray(object) ? object : [object];
  return items.map((item) => {
    let v = item;
    for (const op of ops) v = op.kind === 'attr' ? getAttr(node, v, op.name) : getIndex(node, v, evaluate(op.key, scope));
    return v;
  });
}

function evaluateCall(node: Extract<Node, { kind: 'call' }>, scope: Scope): Value {
  if (node.name === 'try' || node.name === 'can') return evaluateCatching(node, { ...scope, strict: true });
  let args = node.args.map((a) => evaluate(a, scope));
  if (node.expand) {
    const last = args[args.length - 1]!;
    if (last instanceof Unknown) return unknownFrom(node, last);
    if (!Array.isArray(last)) throw new EvalError(`${node.name}: "..." needs a list`);
    args = [...args.slice(0, -1), ...last];
  }
  const own = guardedCall(node.name, node.src, () => scope.module.contextFunction?.(node.name, args, node.src));
  if (own !== undefined) return own;
  // checked first: the call below builds a closure, and most calls read no file
  const reads = isReadingFunction(node.name);
  const read = (given: Value[]) =>
    guardedCall(node.name, node.src, () => readingFunction(node.name, given, scope, node.src, scope.module.resolveFile?.bind(scope.module))!);
  // element(L, i) wraps i around L: with i unknown it is any element of L, like L[i]
  if (node.name === 'element' && args[1] instanceof Unknown && (!(args[0] instanceof Unknown) || joinedParts(args[0])))
    return anyElement(node, args[0]!, args[1]);
  const strict = scope.strict ?? false;
  // a function of one conditional's value is that function of each branch: `length(c ? [a] : [b])`
  // is 1, `file(c ? "a.yaml" : "b.yaml")` one of the two files
  const alternatives = args.filter((a) => a instanceof Alternatives);
  if (alternatives.length === 1 && args.filter((a) => a instanceof Unknown).length === 1) {
    const at = args.indexOf(alternatives[0]!);
    const each = eachBranch(node.src, alternatives[0]!, (b) => (reads ? read(args.with(at, b)) : callFunction(node.name, args.with(at, b), node.src, strict)));
    const [first] = each.branches;
    const same = each.branches.every((b) => valuesEqual(b.value, first!.value) && b.nullWritten === first!.nullWritten);
    return same ? first!.value : each;
  }
  return reads ? read(args) : callFunction(node.name, args, node.src, strict);
}

/** try() or can(): Terraform's own errors (EvalError) are caught, nothing else. */
function evaluateCatching(node: Extract<Node, { kind: 'call' }>, scope: Scope): Value {
  if (node.name === 'try') {
    // an argument not known here may be one that fails at plan: then the next one is the value
    const picks: Value[] = [];
    for (const arg of node.args) {
      try {
        const v = evaluate(arg, scope);
        picks.push(v);
        if (!mayFail(v) || cannotFail(arg)) break;
      } catch (e) {
        if (!(e instanceof EvalError)) throw e;
      }
    }
    if (!picks.length) throw new EvalError('try: no argument could be evaluated');
    return oneOf(node.src, picks[0] as Unknown, picks);
  }
  try {
    const v = evaluate(node.args[0]!, scope);
    return v instanceof Unknown ? unknownFrom(node, v) : true;
  } catch (e) {
    if (e instanceof EvalError) return false;
    throw e;
  }
}

/**
 * A reference whose evaluation cannot be an error at plan, known or not: a declared variable, a
 * local, a module output, a resource's or data source's attribute, each / count. Terraform checks
 * these statically (a missing one fails validation, which try() does not catch), so
 * `try(var.admin_cidrs, ["0.0.0.0/0"])` is the variable, never the fallback. Indexing or reading
 * into an unknown value (`var.overrides["office"]`, `….outputs.x`) may fail.
 */
function cannotFail(node: Node): boolean {
  const path: string[] = [];
  let n = node;
  for (; n.kind === 'attr'; n = n.object) path.unshift(n.name);
  if (n.kind !== 'variable') return false;
  return path.length === (REFERENCE_DEPTH.get(n.name) ?? 2);
}

/** Names below the root word a whole reference has: `var.x`, `module.m.out`, `data.t.n.attr`; a resource `t.n.attr`. */
const REFERENCE_DEPTH = new Map([
  ['var', 1],
  ['local', 1],
  ['each', 1],
  ['count', 1],
  ['module', 2],
  ['data', 3],
]);

/** Whether a value try() is given may be an error at plan: an unknown, unless it is a choice among known values that evaluate. */
function mayFail(v: Value): boolean {
  if (!(v instanceof Unknown)) return false;
  return !(v instanceof Alternatives) || v instanceof OneOf || v.branches.some((b) => mayFail(b.value));
}

type BinaryNode = Extract<Node, { kind: 'binary' }>;

/**
 * `a + b + … + z` parses as a left-leaning chain as long as the expression: walk it in a loop,
 * so a long expression costs no stack (only real nesting does).
 */
function evaluateBinary(node: BinaryNode, scope: Scope): Value {
  const chain: BinaryNode[] = [];
  let leftmost: Node = node;
  while (leftmost.kind === 'binary') {
    chain.push(leftmost);
    leftmost = leftmost.left;
  }
  let value = evaluate(leftmost, scope);
  for (let i = chain.length - 1; i >= 0; i--) value = applyBinary(chain[i]!, value, scope);
  return value;
}

function applyBinary(node: BinaryNode, left: Value, scope: Scope): Value {
  if (node.op === '&&' || node.op === '||') {
    // short-circuit on a known left side, so `false && unknown` is false
    if (!(left instanceof Unknown) && toBoolValue(left) === (node.op === '||')) return node.op === '||';
    const right = evaluate(node.right, scope);
    if (left instanceof Unknown) {
      if (!(right instanceof Unknown) && toBoolValue(right) === (node.op === '||')) return node.op === '||';
      return unknownFrom(node, left);
    }
    if (right instanceof Unknown) return unknownFrom(node, right);
    return toBoolValue(right);
  }
  const right = evaluate(node.right, scope);
  for (const v of [left, right]) {
    if (v instanceof Unknown) return unknownFrom(node, v);
  }
  if (node.op === '==' || node.op === '!=') {
    if (left instanceof Ref || right instanceof Ref) {
      if (left instanceof Ref && right instanceof Ref && left.text === right.text) return node.op === '==';
      return new Unknown(node.src, 'compares a value known only after apply');
    }
    const eq = terraformEquals(left, right);
    if (eq === null) return new Unknown(node.src, 'compares values whose Terraform types the engine cannot tell apart (list, tuple or set; map or object)');
    return node.op === '==' ? eq : !eq;
  }
  for (const v of [left, right]) {
    if (v instanceof Ref) return new Unknown(node.src, `${v.text} is known only after apply`);
  }
  const a = toNumberValue(left);
  const b = toNumberValue(right);
  switch (node.op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%': {
      // Terraform divides by zero without an error (1/0 is +Inf, 5 % 0 is 5): never a fallback of try()
      if (b === 0 && (node.op === '/' || node.op === '%'))
        return new Unknown(node.src, `a ${node.op === '/' ? 'division' : 'remainder'} by zero, which the engine does not evaluate`);
      const exact = exactArithmetic(node.op, a, b);
      return exact ?? new Unknown(node.src, 'Terraform computes this number at a precision the engine does not');
    }
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
  throw new EvalError(`unknown operator ${node.op}`);
}

function evaluateConditional(node: Extract<Node, { kind: 'conditional' }>, scope: Scope): Value {
  const test = evaluate(node.test, scope);
  if (test instanceof Unknown || test instanceof Ref) {
    // Unknown condition: only a value both branches agree on is known; otherwise it is one
    // of the branches that evaluate (see alternatives.ts)
    const branches = evaluatedBranches(
      [node.then, node.else].map((b) => ({ evaluate: () => evaluate(b, scope), nullWritten: b.kind === 'literal' && b.value === null })),
    );
    // the same value either way is known; a written null and a variable's are not the same
    const [then, otherwise] = branches;
    if (otherwise && valuesEqual(then!.value, otherwise.value) && then!.nullWritten === otherwise.nullWritten) return then!.value;
    return new Alternatives(
      node.src,
      test instanceof Unknown ? `the condition is unknown (${test.expr}: ${test.reason})` : 'the condition is known only after apply',
      branches,
      test instanceof Unknown ? test.setOutside : undefined,
    );
  }
  return evaluate(toBoolValue(test) ? node.then : node.else, scope);
}

/** Iteration order: lists by index, maps and objects by key (lexical), as Terraform does. */
export function entriesOf(collection: Value): [Value, Value][] {
  if (Array.isArray(collection)) return collection.map((v, i) => [i, v]);
  if (isObject(collection))
    return Object.keys(collection)
      .sort(byCodePoint)
      .map((k) => [k, collection[k]!]);
  throw new EvalError(`cannot iterate over a ${typeName(collection)}`);
}

function evaluateFor(node: Extract<Node, { kind: 'for' }>, scope: Scope): Value {
  const collection = evaluate(node.collection, scope);
  const parts = joinedParts(collection);
  if (parts && node.result === 'tuple') return forOverParts(node, parts, scope);
  if (collection instanceof Unknown) return unknownFrom(node, collection);
  if (collection instanceof Ref && isEveryInstance(collection) && node.result === 'tuple') return forOverInstances(node, collection, scope);
  if (collection instanceof Ref) return new Unknown(node.src, notKnownThrough(collection));
  if (collection === null) throw new EvalError('cannot iterate over null');
  const tuple: Value[] = [];
  const object = newObject();
  const groups: Record<string, Value[]> = Object.create(null) as Record<string, Value[]>;
  let size = 0;
  let unknownKey: Unknown | undefined;
  for (const [k, v] of entriesOf(collection)) {
    budget().checkSize(++size, 'a for expression');
    // computed keys define own properties, whatever the names ("__proto__" is an identifier)
    const names: Record<string, Value> = node.keyVar ? { [node.keyVar]: k, [node.valueVar]: v } : { [node.valueVar]: v };
    const inner = withNames(scope, names);
    if (node.condition) {
      const keep = evaluate(node.condition, inner);
      if (keep instanceof Unknown) return unknownFrom(node, keep);
      if (!toBoolValue(keep)) continue;
    }
    const value = evaluate(node.value, inner);
    if (node.result === 'tuple') {
      tuple.push(value);
      continue;
    }
    const key = evaluate(node.key!, inner);
    if (key instanceof Unknown && node.group) return unknownFrom(node, key);
    if (key instanceof Unknown) {
      unknownKey = key;
      continue;
    }
    const ks = toStringValue(key);
    if (node.group) (groups[ks] ??= []).push(value);
    else if (hasKey(object, ks)) throw new EvalError(`duplicate key "${ks}" in for expression`);
    else object[ks] = value;
  }
  if (node.result === 'tuple') return tuple;
  // keys not known here beside known ones: the known entries, and others (a key met twice is
  // Terraform's error, so no unknown one replaces a known one)
  if (unknownKey) return new MergedMaps(node.src, unknownKey.reason, [unknownFrom(node, unknownKey), object], unknownKey.setOutside);
  return node.group ? (groups as ObjectValue) : object;
}

/**
 * `[for g in x : g.id]` over a resource whose count or for_each is not known here: its
 * instances, read as `x[*].id` reads them (one element standing for every instance), so the
 * group x is named, not an unknown.
 */
function forOverInstances(node: Extract<Node, { kind: 'for' }>, instances: Ref, scope: Scope): Value {
  const key = new Unknown(node.keyVar ?? node.valueVar, notKnownThrough(instances));
  const inner = withNames(scope, node.keyVar ? { [node.keyVar]: key, [node.valueVar]: instances } : { [node.valueVar]: instances });
  const keep = node.condition ? evaluate(node.condition, inner) : true;
  if (keep instanceof Unknown) return unknownFrom(node, keep);
  return toBoolValue(keep) ? [evaluate(node.value, inner)] : [];
}

/**
 * `[for c in L : …]` over a partly known L: each known element as Terraform computes it, and
 * for each unknown part an unknown (the part itself when the body is the element as it is).
 * A known element whose `if` is unknown may or may not be there: an alternative.
 */
function forOverParts(node: Extract<Node, { kind: 'for' }>, parts: readonly Value[], scope: Scope): Value {
  const identity = !node.condition && node.value.kind === 'variable' && node.value.name === node.valueVar;
  let position: number | null = 0;
  const out: Value[] = [];
  for (const part of parts) {
    if (!Array.isArray(part)) {
      position = null;
      out.push(identity ? part : unknownFrom(node, part as Unknown));
      continue;
    }
    let items: Value[] = [];
    out.push(items);
    for (const v of part) {
      budget().checkSize(items.length + 1, 'a for expression');
      const k = position === null ? new Unknown(node.keyVar ?? node.valueVar, 'the position follows elements not known before apply') : position++;
      const inner = withNames(scope, node.keyVar ? { [node.keyVar]: k, [node.valueVar]: v } : { [node.valueVar]: v });
      const keep = node.condition ? evaluate(node.condition, inner) : true;
      if (keep instanceof Unknown) {
        // a part of its own: the positions after it are not known
        const value = evaluate(node.value, inner);
        out.push(
          new Alternatives(
            node.src,
            keep.reason,
            [
              { value: [value], nullWritten: false },
              { value: [], nullWritten: false },
            ],
            keep.setOutside,
          ),
        );
        out.push((items = []));
        position = null;
      } else if (toBoolValue(keep)) items.push(evaluate(node.value, inner));
    }
  }
  return joinedList(node.src, out);
}

function evaluateTemplate(node: Extract<Node, { kind: 'template' }>, scope: Scope): Value {
  const parts = node.parts;
  const only = singleInterpolation(node);
  if (only) return evaluate(only, scope);
  const out = renderParts(parts, scope);
  if (!(out instanceof Unknown)) return out;
  const shape = templateShape(parts, scope);
  return shape ? new PartlyKnown(node.src, out.reason, shape, out.setOutside) : unknownFrom(node, out);
}

/**
 * The known text and the unknowns of a template of text and interpolations (a nested one
 * spliced in), or null when it has a directive or a part that fails.
 */
function templateShape(parts: TemplatePart[], scope: Scope): TemplateShape | null {
  const shape: TemplateShape = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      appendPart(shape, part);
      continue;
    }
    if (part.kind !== 'interp') return null;
    let v: Value;
    try {
      v = evaluate(part.expr, scope);
      if (!(v instanceof Unknown) && !(v instanceof Ref)) v = toStringValue(v);
    } catch (e) {
      if (e instanceof EvalError) return null;
      throw e;
    }
    if (v instanceof PartlyKnown) for (const p of v.shape) appendPart(shape, p);
    else if (v instanceof Unknown) appendPart(shape, { unknown: v.expr });
    else if (v instanceof Ref) appendPart(shape, { unknown: v.text });
    else appendPart(shape, v as string);
  }
  return shape;
}

function renderParts(parts: TemplatePart[], scope: Scope): string | Unknown {
  let out = '';
  for (const part of parts) {
    budget().checkString(out.length);
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (part.kind === 'interp') {
      const v = evaluate(part.expr, scope);
      if (v instanceof Unknown) return v;
      if (v instanceof Ref) return new Unknown(v.text, notKnownThrough(v));
      out += toStringValue(v);
    } else if (part.kind === 'if') {
      const test = evaluate(part.test, scope);
      if (test instanceof Unknown) return test;
      const inner = renderParts(toBoolValue(test) ? part.then : part.else, scope);
      if (inner instanceof Unknown) return inner;
      out += inner;
    } else {
      const collection = evaluate(part.collection, scope);
      if (collection instanceof Unknown) return collection;
      if (collection instanceof Ref) return new Unknown(part.collection.src, notKnownThrough(collection));
      for (const [k, v] of entriesOf(collection)) {
        const names: Record<string, Value> = part.keyVar ? { [part.keyVar]: k, [part.valueVar]: v } : { [part.valueVar]: v };
        const inner = renderParts(part.body, withNames(scope, names));
        if (inner instanceof Unknown) return inner;
        out += inner;
      }
    }
  }
  return out;
}
