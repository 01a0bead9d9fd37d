// A parser for HCL native-syntax expressions and templates. @cdktf/hcl2json hands every
// non-literal value back as a "${…}" template string holding the original source, so the
// evaluator needs the expression grammar itself (HCL spec: hclsyntax/spec.md).
import { IDENTIFIER } from './identifier.js';

export type Node =
  | { kind: 'literal'; value: null | boolean | number | string; src: string }
  | { kind: 'template'; parts: TemplatePart[]; src: string }
  | { kind: 'variable'; name: string; src: string }
  | { kind: 'attr'; object: Node; name: string; src: string }
  | { kind: 'index'; object: Node; key: Node; src: string }
  | { kind: 'splat'; object: Node; ops: SplatOp[]; src: string }
  | { kind: 'call'; name: string; args: Node[]; expand: boolean; src: string }
  | { kind: 'tuple'; items: Node[]; src: string }
  | { kind: 'object'; items: { key: Node; value: Node }[]; src: string }
  | { kind: 'unary'; op: '!' | '-'; operand: Node; src: string }
  | { kind: 'binary'; op: string; left: Node; right: Node; src: string }
  | { kind: 'conditional'; test: Node; then: Node; else: Node; src: string }
  | {
      kind: 'for';
      result: 'tuple' | 'object';
      keyVar: string | null;
      valueVar: string;
      collection: Node;
      key: Node | null;
      value: Node;
      condition: Node | null;
      group: boolean;
      src: string;
    };

export type SplatOp = { kind: 'attr'; name: string } | { kind: 'index'; key: Node };

export type TemplatePart =
  | string
  | { kind: 'interp'; expr: Node }
  | { kind: 'if'; test: Node; then: TemplatePart[]; else: TemplatePart[] }
  | { kind: 'for'; keyVar: string | null; valueVar: string; collection: Node; body: TemplatePart[] };

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const WORD = new RegExp(`^${IDENTIFIER}`);
const HEREDOC_START = new RegExp(`^<<(-?)(${IDENTIFIER})\\r?\\n`);

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

/** Parses one expression (the whole input must be consumed). */
export function parseExpression(source: string): Node {
  const p = new Parser(source);
  const node = p.expression();
  p.skipSpace();
  if (!p.atEnd()) p.fail(`unexpected "${source.slice(p.pos, p.pos + 10)}"`);
  return node;
}

/**
 * Parses a string as hcl2json returns it: literal text with `${…}` interpolations and
 * `%{…}` directives, escapes already decoded except `$${` and `%%{`.
 */
export function parseTemplate(source: string): Node {
  const p = new Parser(source);
  const parts = p.templateParts('raw', []);
  return { kind: 'template', parts, src: source };
}

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(message: string): never {
    throw new ExpressionSyntaxError(message, this.pos);
  }

  skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '#' || (c === '/' && t[this.pos + 1] === '/')) {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && t[this.pos + 1] === '*') {
        const end = t.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? t.length : end + 2;
      } else return;
    }
  }

  peek(s: string): boolean {
    this.skipSpace();
    return this.text.startsWith(s, this.pos);
  }

  eat(s: string): boolean {
    if (this.peek(s)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }

  expect(s: string): void {
    if (!this.eat(s)) this.fail(`expected "${s}"`);
  }

  peekKeyword(word: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(word, this.pos)) return false;
    const next = this.text[this.pos + word.length];
    return next === undefined || !/[A-Za-z0-9_-]/.test(next);
  }

  identifier(): string {
    this.skipSpace();
    const m = WORD.exec(this.text.slice(this.pos, this.pos + 256));
    if (!m) this.fail('expected an identifier');
    this.pos += m[0].length;
    return m[0];
  }

  src(start: number): string {
    return this.text.slice(start, this.pos).trim();
  }

  expression(): Node {
    this.skipSpace();
    const start = this.pos;
    const test = this.binary(0);
    if (this.peek('?')) {
      this.pos++;
      const then = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      return { kind: 'conditional', test, then, else: otherwise, src: this.src(start) };
    }
    return test;
  }

  binary(minPrecedence: number): Node {
    this.skipSpace();
    const start = this.pos;
    let left = this.unary();
    for (;;) {
      this.skipSpace();
      const op = this.binaryOperator();
      if (!op) return left;
      const precedence = BINARY_PRECEDENCE[op]!;
      if (precedence <= minPrecedence) return left;
      this.pos += op.length;
      const right = this.binary(precedence);
      left = { kind: 'binary', op, left, right, src: this.src(start) };
    }
  }

  binaryOperator(): string | null {
    const t = this.text.slice(this.pos, this.pos + 2);
    for (const op of ['||', '&&', '==', '!=', '<=', '>=']) if (t === op) return op;
    const c = t[0];
    if (c === '<' || c === '>' || c === '+' || c === '*' || c === '/' || c === '%') return c;
    if (c === '-' && t[1] !== '>') return c;
    return null;
  }

  unary(): Node {
    this.skipSpace();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '!' && this.text[this.pos + 1] !== '=') {
      this.pos++;
      return { kind: 'unary', op: '!', operand: this.unary(), src: this.src(start) };
    }
    if (c === '-') {
      this.pos++;
      return { kind: 'unary', op: '-', operand: this.unary(), src: this.src(start) };
    }
    return this.postfix(this.primary(), start);
  }

  postfix(node: Node, start: number): Node {
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '.' && this.text.startsWith('...', this.pos)) return node; // expansion / grouping
      if (c === '.') {
        if (this.text[this.pos + 1] === '*') {
          this.pos += 2;
          node = { kind: 'splat', object: node, ops: this.splatOps(false), src: this.src(start) };
          continue;
        }
        this.pos++;
        this.skipSpace();
        const digits = /^[0-9]+/.exec(this.text.slice(this.pos));
        if (digits) {
          // legacy index syntax: list.0
          this.pos += digits[0].length;
          const key: Node = { kind: 'literal', value: Number(digits[0]), src: digits[0] };
          node = { kind: 'index', object: node, key, src: this.src(start) };
        } else {
          node = { kind: 'attr', object: node, name: this.identifier(), src: this.src(start) };
        }
      } else if (c === '[') {
        const save = this.pos;
        this.pos++;
        if (this.eat('*') && this.eat(']')) {
          node = { kind: 'splat', object: node, ops: this.splatOps(true), src: this.src(start) };
          continue;
        }
        this.pos = save + 1;
        const key = this.expression();
        this.expect(']');
        node = { kind: 'index', object: node, key, src: this.src(start) };
      } else return node;
    }
  }

  /** Traversals applied to each element after `.*` (attributes only) or `[*]` (any). */
  splatOps(full: boolean): SplatOp[] {
    const ops: SplatOp[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '.' && this.text[this.pos + 1] !== '*') {
        this.pos++;
        ops.push({ kind: 'attr', name: this.identifier() });
      } else if (full && c === '[' && this.text[this.pos + 1] !== '*') {
        this.pos++;
        const key = this.expression();
        this.expect(']');
        ops.push({ kind: 'index', key });
      } else return ops;
    }
  }

  primary(): Node {
    this.skipSpace();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === undefined) this.fail('unexpected end of expression');
    if (c === '(') {
      this.pos++;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (c === '"') {
      this.pos++;
      const parts = this.templateParts('quoted', []);
      const src = this.src(start);
      if (parts.length === 0) return { kind: 'literal', value: '', src };
      if (parts.length === 1 && typeof parts[0] === 'string') return { kind: 'literal', value: parts[0], src };
      return { kind: 'template', parts, src };
    }
    if (c === '<' && this.text.startsWith('<<', this.pos)) return this.heredoc(start);
    if (c === '[') return this.tupleOrFor(start);
    if (c === '{') return this.objectOrFor(start);
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos))!;
      this.pos += m[0].length;
      return { kind: 'literal', value: Number(m[0]), src: m[0] };
    }
    const name = this.identifier();
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', src: name };
    if (name === 'null') return { kind: 'literal', value: null, src: name };
    if (this.peek('(') || this.peek('::')) return this.call(name, start);
    return { kind: 'variable', name, src: name };
  }

  call(name: string, start: number): Node {
    // provider-namespaced functions (provider::aws::arn_parse) keep their full name
    while (this.eat('::')) name += '::' + this.identifier();
    this.expect('(');
    const args: Node[] = [];
    let expand = false;
    while (!this.eat(')')) {
      args.push(this.expression());
      if (this.eat('...')) expand = true;
      if (!this.eat(',')) {
        this.expect(')');
        break;
      }
    }
    return { kind: 'call', name, args, expand, src: this.src(start) };
  }

  tupleOrFor(start: number): Node {
    this.pos++;
    if (this.peekKeyword('for')) return this.forExpression(start, 'tuple');
    const items: Node[] = [];
    while (!this.eat(']')) {
      items.push(this.expression());
      if (!this.eat(',')) {
        this.expect(']');
        break;
      }
    }
    return { kind: 'tuple', items, src: this.src(start) };
  }

  objectOrFor(start: number): Node {
    this.pos++;
    if (this.peekKeyword('for')) return this.forExpression(start, 'object');
    const items: { key: Node; value: Node }[] = [];
    while (!this.eat('}')) {
      this.skipSpace();
      // `(k) = v` is the value of k; only a key written bare is its own name
      const parenthesised = this.text[this.pos] === '(';
      const key = this.expression();
      if (!this.eat('=') && !this.eat(':')) this.fail('expected "=" or ":" in object');
      const value = this.expression();
      items.push({ key: parenthesised ? key : bareKey(key), value });
      this.eat(',');
    }
    return { kind: 'object', items, src: this.src(start) };
  }

  /** `k, v in collection` / `v in collection`, after the `for` keyword (expressions and templates). */
  forClause(): { keyVar: string | null; valueVar: string; collection: Node } {
    let valueVar = this.identifier();
    let keyVar: string | null = null;
    if (this.eat(',')) {
      keyVar = valueVar;
      valueVar = this.identifier();
    }
    if (!this.peekKeyword('in')) this.fail('expected "in"');
    this.pos += 2;
    return { keyVar, valueVar, collection: this.expression() };
  }

  forExpression(start: number, result: 'tuple' | 'object'): Node {
    this.identifier(); // "for"
    const { keyVar, valueVar, collection } = this.forClause();
    this.expect(':');
    let key: Node | null = null;
    let value = this.expression();
    if (result === 'object') {
      this.expect('=>');
      key = value;
      value = this.expression();
    }
    const group = this.eat('...');
    let condition: Node | null = null;
    if (this.peekKeyword('if')) {
      this.pos += 2;
      condition = this.expression();
    }
    this.expect(result === 'tuple' ? ']' : '}');
    return { kind: 'for', result, keyVar, valueVar, collection, key, value, condition, group, src: this.src(start) };
  }

  heredoc(start: number): Node {
    const m = HEREDOC_START.exec(this.text.slice(this.pos));
    if (!m) this.fail('malformed heredoc');
    this.pos += m[0].length;
    const marker = m[2]!;
    const endRe = new RegExp(`^[ \\t]*${marker}[ \\t]*$`, 'm');
    const rest = this.text.slice(this.pos);
    const end = endRe.exec(rest);
    if (!end) this.fail(`heredoc ${marker} is not closed`);
    let body = rest.slice(0, end.index);
    if (m[1] === '-') body = stripIndent(body);
    this.pos += end.index + end[0].length;
    const parts = new Parser(body).templateParts('raw', []);
    return { kind: 'template', parts, src: this.src(start) };
  }

  /**
   * Reads template parts until the end of a quoted string ('quoted'), the end of input
   * ('raw'), or one of the directive keywords in `stopAt` (for nested %{ if } / %{ for }).
   */
  templateParts(mode: 'quoted' | 'raw', stopAt: string[]): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let text = '';
    const t = this.text;
    const flush = () => {
      if (text) parts.push(text);
      text = '';
    };
    for (;;) {
      if (this.pos >= t.length) {
        if (mode === 'quoted') this.fail('unterminated string');
        if (stopAt.length) this.fail(`expected %{ ${stopAt.join(' or ')} }`);
        break;
      }
      const c = t[this.pos]!;
      if (mode === 'quoted' && c === '"') {
        this.pos++;
        break;
      }
      if (mode === 'quoted' && c === '\\') {
        text += this.escape();
        continue;
      }
      if ((c === '$' || c === '%') && t[this.pos + 1] === c && t[this.pos + 2] === '{') {
        text += c + '{';
        this.pos += 3;
        continue;
      }
      if (c === '$' && t[this.pos + 1] === '{') {
        flush();
        this.pos += 2;
        this.eat('~');
        const expr = this.expression();
        this.eat('~');
        this.expect('}');
        parts.push({ kind: 'interp', expr });
        continue;
      }
      if (c === '%' && t[this.pos + 1] === '{') {
        const save = this.pos;
        this.pos += 2;
        this.eat('~');
        const word = this.identifier();
        if (stopAt.includes(word)) {
          this.pos = save;
          flush();
          return parts;
        }
        flush();
        parts.push(this.directive(word, mode));
        continue;
      }
      text += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  directiveEnd(): void {
    this.eat('~');
    this.expect('}');
  }

  /** Consumes `%{ word` (already at "%{") and its closing brace. */
  directiveKeyword(word: string): void {
    this.expect('%{');
    this.eat('~');
    if (this.identifier() !== word) this.fail(`expected %{ ${word} }`);
    this.directiveEnd();
  }

  directive(word: string, mode: 'quoted' | 'raw'): TemplatePart {
    if (word === 'if') {
      const test = this.expression();
      this.directiveEnd();
      const then = this.templateParts(mode, ['else', 'endif']);
      let otherwise: TemplatePart[] = [];
      if (this.isDirective('else')) {
        this.directiveKeyword('else');
        otherwise = this.templateParts(mode, ['endif']);
      }
      this.directiveKeyword('endif');
      return { kind: 'if', test, then, else: otherwise };
    }
    if (word === 'for') {
      const { keyVar, valueVar, collection } = this.forClause();
      this.directiveEnd();
      const body = this.templateParts(mode, ['endfor']);
      this.directiveKeyword('endfor');
      return { kind: 'for', keyVar, valueVar, collection, body };
    }
    return this.fail(`unknown template directive "${word}"`);
  }

  isDirective(word: string): boolean {
    const m = /^%\{~?\s*([A-Za-z]+)/.exec(this.text.slice(this.pos));
    return m?.[1] === word;
  }

  escape(): string {
    const t = this.text;
    const c = t[this.pos + 1];
    this.pos += 2;
    switch (c) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U': {
        const len = c === 'u' ? 4 : 8;
        const hex = t.slice(this.pos, this.pos + len);
        const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
        // a malformed or out-of-range escape is a syntax error, as in HCL (never a RangeError)
        if (!(code <= 0x10ffff)) this.fail(`invalid \\${c} escape`);
        this.pos += len;
        return String.fromCodePoint(code);
      }
      default:
        return '\\' + (c ?? '');
    }
  }
}

/** In an object constructor a bare identifier key is a literal string, not a variable (`null = 1` is the key "null"). */
function bareKey(key: Node): Node {
  if (key.kind === 'variable') return { kind: 'literal', value: key.name, src: key.src };
  if (key.kind === 'literal' && key.src === String(key.value) && (key.value === null || typeof key.value === 'boolean'))
    return { kind: 'literal', value: key.src, src: key.src };
  return key;
}

function stripIndent(body: string): string {
  const lines = body.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const n = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(n)).join('\n');
}
