// The identity of a module call's argument as written, for telling whether a change touched
// it: two texts with the same identity pass the module the same value. References are
// normalised as for unknowns (unknown-identity.ts); a local is the expression it names (locals
// inside it too); `c ? true : false` is `c` when c is a bool (Terraform requires a bool
// condition, so the conditional returns c itself); and the Terraform 0.11 list `["${L}"]` is
// `L` when L is a list (0.11 flattened it; 0.12 upgrades rewrote it so). Anything else keeps
// its text: a real edit stays an edit.
import { IDENTIFIER } from '../hcl/identifier.js';
import type { Node, TemplatePart } from '../hcl/expression.js';
import { singleInterpolation, templateNode } from './evaluate.js';
import { normaliseReference } from './unknown-identity.js';

/** What the identity may look through, in the calling module. */
export interface IdentityNames {
  /** A local's value as written (hcl2json form), or undefined when it is not declared. */
  local(name: string): unknown;
  /** Whether `var.name` is declared `type = bool`. */
  isBoolVariable(name: string): boolean;
  /** Whether `var.name` is declared a list or set (`type = list(…)`, 0.11 `"list"`). */
  isListVariable(name: string): boolean;
}

/** Longer identities are not worth building: the written text is compared instead. */
const MAX_IDENTITY = 4096;
const BOOL_OPERATORS = new Set(['&&', '||', '==', '!=', '<', '<=', '>', '>=']);
const BOOL_FUNCTIONS = new Set(['can', 'contains', 'alltrue', 'anytrue', 'tobool', 'startswith', 'endswith']);
const KEY = new RegExp(`^${IDENTIFIER}$`);
/** Functions whose result is a list or set. */
const LIST_FUNCTIONS = new Set([
  'concat',
  'compact',
  'distinct',
  'flatten',
  'formatlist',
  'keys',
  'list',
  'matchkeys',
  'range',
  'reverse',
  'setintersection',
  'setproduct',
  'setsubtract',
  'setunion',
  'slice',
  'sort',
  'split',
  'tolist',
  'toset',
  'values',
]);
/** Attributes named as lists: a data source's `ids` (aws_subnet_ids, aws_security_groups), `subnet_ids`, `private_subnets`, `cidr_blocks`. */
const LIST_ATTRIBUTE = /(?:^|_)(?:ids|subnets|cidr_blocks)$/;

/** The text cannot be compared by identity (too long, a template directive): compare it as written. */
class NotComparable extends Error {}

/** The identity of an argument's value as written (hcl2json form); its JSON text when it cannot be read. */
export function argumentIdentity(raw: unknown, names: IdentityNames): string {
  try {
    return new Printer(names).raw(raw, new Set());
  } catch {
    return `text:${JSON.stringify(raw) ?? 'null'}`;
  }
}

class Printer {
  #size = 0;
  constructor(readonly names: IdentityNames) {}

  raw(raw: unknown, locals: ReadonlySet<string>): string {
    if (typeof raw === 'string') return this.node(templateNode(raw), locals);
    if (Array.isArray(raw)) {
      const only = raw.length === 1 && typeof raw[0] === 'string' ? singleInterpolation(templateNode(raw[0])) : null;
      if (only && this.#isList(only, locals)) return this.node(only, locals);
      return this.#out(`[${raw.map((v) => this.raw(v, locals)).join(', ')}]`);
    }
    if (raw !== null && typeof raw === 'object') {
      const entries = Object.entries(raw).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return this.#out(`{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${this.raw(v, locals)}`).join(', ')}}`);
    }
    return JSON.stringify(raw) ?? 'null';
  }

  node(node: Node, locals: ReadonlySet<string>): string {
    const alias = this.#alias(node, locals);
    if (alias !== null) return alias;
    switch (node.kind) {
      case 'literal':
        return JSON.stringify(node.value);
      case 'template': {
        const only = singleInterpolation(node);
        if (only) return this.node(only, locals);
        return this.#out(`"${node.parts.map((p) => this.#part(p, locals)).join('')}"`);
      }
      case 'conditional': {
        const test = this.node(node.test, locals);
        const [then, otherwise] = [this.node(node.then, locals), this.node(node.else, locals)];
        if (then === 'true' && otherwise === 'false' && this.#isBool(node.test, locals)) return test;
        return this.#out(`(${test} ? ${then} : ${otherwise})`);
      }
      case 'binary':
        return this.#out(`(${this.node(node.left, locals)} ${node.op} ${this.node(node.right, locals)})`);
      case 'unary':
        return this.#out(`(${node.op}${this.node(node.operand, locals)})`);
      case 'tuple':
        return this.#out(`[${node.items.map((i) => this.node(i, locals)).join(', ')}]`);
      case 'object':
        return this.#out(`{${node.items.map((i) => `${this.node(i.key, locals)} = ${this.node(i.value, locals)}`).join(', ')}}`);
      case 'for':
        return this.#out(normaliseReference(node.src));
    }
    // a traversal or call: without a local inside, the reference normalisation decides
    if (!mentionsLocal(node)) return this.#out(normaliseReference(node.src));
    switch (node.kind) {
      case 'attr':
        return this.#out(`${this.node(node.object, locals)}.${node.name}`);
      case 'index':
        return this.#out(`${this.node(node.object, locals)}${this.#key(node.key, locals)}`);
      case 'splat':
        return this.#out(`${this.node(node.object, locals)}[*]${node.ops.map((o) => (o.kind === 'attr' ? `.${o.name}` : this.#key(o.key, locals))).join('')}`);
      case 'call':
        return this.#out(`${node.name}(${node.args.map((a) => this.node(a, locals)).join(', ')}${node.expand ? '...' : ''})`);
      default:
        return this.#out(normaliseReference(node.src));
    }
  }

  /** `local.x` as the expression it names (each local once on a path: a cycle keeps its name). */
  #alias(node: Node, locals: ReadonlySet<string>): string | null {
    const local = this.#local(node, locals);
    return local && this.raw(local.raw, local.locals);
  }

  /** The declared local `node` names, as written, with the locals of the path through it; null for anything else or a local already on the path. */
  #local(node: Node, locals: ReadonlySet<string>): { raw: unknown; locals: ReadonlySet<string> } | null {
    const name = localName(node);
    if (name === null || locals.has(name)) return null;
    const raw = this.names.local(name);
    return raw === undefined ? null : { raw, locals: new Set([...locals, name]) };
  }

  #key(key: Node, locals: ReadonlySet<string>): string {
    if (key.kind === 'literal' && typeof key.value === 'string' && KEY.test(key.value)) return `.${key.value}`;
    return `[${this.node(key, locals)}]`;
  }

  #part(part: TemplatePart, locals: ReadonlySet<string>): string {
    if (typeof part === 'string') return part.replace(/["\\$]/g, (c) => `\\${c}`);
    if (part.kind === 'interp') return `\${${this.node(part.expr, locals)}}`;
    throw new NotComparable(); // a template directive: compared as written
  }

  /** Whether Terraform gives `node` a bool value: a comparison, a logical operator, a bool variable. */
  #isBool(node: Node, locals: ReadonlySet<string>): boolean {
    const local = this.#local(node, locals);
    if (local) return typeof local.raw === 'boolean' || (typeof local.raw === 'string' && this.#isBool(templateNode(local.raw), local.locals));
    switch (node.kind) {
      case 'literal':
        return typeof node.value === 'boolean';
      case 'template': {
        const only = singleInterpolation(node);
        return only !== null && this.#isBool(only, locals);
      }
      case 'binary':
        return BOOL_OPERATORS.has(node.op);
      case 'unary':
        return node.op === '!';
      case 'call':
        return BOOL_FUNCTIONS.has(node.name);
      case 'conditional':
        return this.#isBool(node.then, locals) && this.#isBool(node.else, locals);
      case 'attr':
        return node.object.kind === 'variable' && node.object.name === 'var' && this.names.isBoolVariable(node.name);
      default:
        return false;
    }
  }

  /** Whether Terraform gives `node` a list or set value: a splat, a list function, a list variable or attribute. */
  #isList(node: Node, locals: ReadonlySet<string>): boolean {
    const local = this.#local(node, locals);
    if (local) {
      if (Array.isArray(local.raw)) return true;
      const only = typeof local.raw === 'string' ? singleInterpolation(templateNode(local.raw)) : null;
      return only !== null && this.#isList(only, local.locals);
    }
    switch (node.kind) {
      case 'splat':
        return true;
      case 'call':
        return LIST_FUNCTIONS.has(node.name);
      case 'attr':
        if (node.object.kind === 'variable' && node.object.name === 'var') return this.names.isListVariable(node.name);
        return LIST_ATTRIBUTE.test(node.name);
      default:
        return false;
    }
  }

  #out(text: string): string {
    this.#size += text.length;
    if (this.#size > MAX_IDENTITY) throw new NotComparable();
    return text;
  }
}

function localName(node: Node): string | null {
  return node.kind === 'attr' && node.object.kind === 'variable' && node.object.name === 'local' ? node.name : null;
}

function mentionsLocal(node: Node): boolean {
  return /\blocal\s*\./.test(node.src);
}
