// A fast path to hcl2json's JSON for ordinary files. Starting hcl2json costs ~2 s of CPU per
// process (a 6.5 MB Go WASM module), so files that this strict parser fully understands never
// start it. It accepts a conservative subset of HCL native syntax and gives up (returns
// undefined) on anything else, including every syntax error, so such files still get
// hcl2json's result and its error messages. The conversion mirrors hcl2json's (tmccombs-style,
// as forked by cdktf): literals become JSON values, quoted and heredoc templates keep their
// `${…}` parts as source text, tuples and objects are converted element-wise, any other
// expression becomes "${<its source text>}", blocks nest by type then label, keys are sorted.

import { IDENTIFIER } from './identifier.js';

/** Thrown anywhere the fast path is not certain to match hcl2json: the caller falls back. */
class NotFast extends Error {}

function notFast(): never {
  throw new NotFast();
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Expr =
  | { kind: 'literal'; value: null | boolean | number; start: number; end: number }
  /** `-<number>` or `!<bool>`: hcl2json evaluates it; inside a longer template it stays source. */
  | { kind: 'negated'; value: boolean | number; start: number; end: number }
  | { kind: 'template'; parts: (string | Expr)[]; start: number; end: number }
  | { kind: 'tuple'; items: Expr[]; start: number; end: number }
  | { kind: 'object'; items: { key: string; value: Expr }[]; start: number; end: number }
  | { kind: 'conditional'; test: Expr; then: Expr; else: Expr; start: number; end: number }
  | { kind: 'other'; start: number; end: number };

interface Body {
  blocks: { type: string; labels: string[]; body: Body }[];
  attributes: Map<string, Expr>;
}

/** hcl2json's JSON for `text`, or undefined where only hcl2json itself can say. */
export function fastHclToJson(text: string): Record<string, unknown> | undefined {
  // carriage returns and control characters: rare, and handled subtly by HCL
  // eslint-disable-next-line no-control-regex
  if (/[\0-\x08\x0b-\x1f\x7f]/.test(text)) return undefined;
  try {
    const p = new FastParser(text);
    return p.convertBody(p.body(false)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof NotFast || e instanceof RangeError) return undefined; // RangeError: stack depth
    throw e;
  }
}

const IDENT = new RegExp(IDENTIFIER, 'y');
const HEREDOC_START = new RegExp(`<<(-?)(${IDENTIFIER})\\n`, 'y');
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const DIGITS = /[0-9]+/y;
/** Names an object key may not be bare: hcl2json reads them as keywords or literals. */
const RESERVED_KEYS = new Set(['true', 'false', 'null', 'for', 'in', 'if']);
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
const BINARY_OPERATORS = ['||', '&&', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%'];
/** Unicode white space other than space and tab, which HCL's heredoc indentation counts too. */
const OTHER_SPACE = /[\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

class FastParser {
  pos = 0;
  /** Whether newlines are insignificant here (inside brackets, parentheses, `${…}`). */
  newlines = false;
  /** Offsets where a heredoc ended: such an end is a line end, and no wrapped source may end there. */
  readonly heredocEnds = new Set<number>();
  constructor(readonly text: string) {}

  // ---- trivia ----------------------------------------------------------------------------

  /** Skips spaces, tabs and comments; also newlines and line comments when `newlines`. */
  skip(newlines = this.newlines): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9) this.pos++;
      else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const end = t.indexOf('*/', this.pos + 2);
        if (end < 0) notFast();
        this.pos = end + 2;
      } else if (!newlines) return;
      else if (c === 10) this.pos++;
      else if (c === 35 || (c === 47 && t.charCodeAt(this.pos + 1) === 47)) this.lineComment();
      else return;
    }
  }

  lineComment(): void {
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end < 0 ? this.text.length : end + 1;
  }

  /** At a newline, a line comment (which ends its line) or the end of the text. */
  atLineEnd(): boolean {
    const t = this.text;
    const c = t[this.pos];
    return c === undefined || c === '\n' || c === '#' || (c === '/' && t[this.pos + 1] === '/');
  }

  endLine(): void {
    if (this.text[this.pos] === '\n') this.pos++;
    else if (this.pos < this.text.length) this.lineComment();
  }

  /** After an item: the line must end here (a heredoc's closing line already ended it). */
  expectLineEnd(value: Expr | null): void {
    if (value && this.heredocEnds.has(value.end) && this.pos === value.end) return;
    this.skip(false);
    if (!this.atLineEnd()) notFast();
    this.endLine();
  }

  ident(): string {
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.text);
    if (!m) notFast();
    this.pos += m[0].length;
    return m[0];
  }

  isIdentStart(): boolean {
    const c = this.text.charCodeAt(this.pos);
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  }

  peekKeyword(word: string): boolean {
    return this.text.startsWith(word, this.pos) && !/[A-Za-z0-9_-]/.test(this.text[this.pos + word.length] ?? '');
  }

  expect(s: string): void {
    if (!this.text.startsWith(s, this.pos)) notFast();
    this.pos += s.length;
  }

  /** Runs `f` with newlines significant or not, as HCL does inside each kind of bracket. */
  within<T>(newlines: boolean, f: () => T): T {
    const outer = this.newlines;
    this.newlines = newlines;
    try {
      return f();
    } finally {
      this.newlines = outer;
    }
  }

  // ---- structure ---------------------------------------------------------------------------

  body(nested: boolean): Body {
    const body: Body = { blocks: [], attributes: new Map() };
    for (;;) {
      this.skip(true);
      if (this.pos >= this.text.length) {
        if (nested) notFast();
        return body;
      }
      if (this.text[this.pos] === '}') {
        if (!nested) notFast();
        this.pos++;
        return body;
      }
      const name = this.ident();
      this.skip(false);
      if (this.text[this.pos] === '=' && this.text[this.pos + 1] !== '=') {
        this.pos++;
        if (body.attributes.has(name)) notFast(); // "Attribute redefined"
        const value = this.within(false, () => this.expression());
        body.attributes.set(name, value);
        this.expectLineEnd(value);
        continue;
      }
      const labels: string[] = [];
      while (this.text[this.pos] !== '{') {
        labels.push(this.text[this.pos] === '"' ? this.label() : this.ident());
        this.skip(false);
      }
      this.pos++;
      this.skip(false);
      let inner: Body;
      if (this.atLineEnd()) {
        this.endLine();
        inner = this.body(true);
      } else inner = this.singleLineBody();
      body.blocks.push({ type: name, labels, body: inner });
      this.expectLineEnd(null);
    }
  }

  /** `{ }` or `{ name = value }` on one line (the opening brace already read). */
  singleLineBody(): Body {
    const body: Body = { blocks: [], attributes: new Map() };
    if (this.text[this.pos] !== '}') {
      const name = this.ident();
      this.skip(false);
      this.expect('=');
      const value = this.within(false, () => this.expression());
      if (this.heredocEnds.has(value.end)) notFast();
      body.attributes.set(name, value);
      this.skip(false);
    }
    this.expect('}');
    return body;
  }

  /** A quoted block label: plain printable ASCII only (escapes and templates go to hcl2json). */
  label(): string {
    const end = this.text.indexOf('"', this.pos + 1);
    if (end < 0) notFast();
    const label = this.text.slice(this.pos + 1, end);
    if (!/^[ !#&-[\]-~]*$/.test(label)) notFast(); // no " $ % \ or non-ASCII
    this.pos = end + 1;
    return label;
  }

  // ---- expressions ------------------------------------------------------------------------

  expression(): Expr {
    this.skip();
    const start = this.pos;
    const test = this.binary(0);
    if (this.lineEnded(test)) return test;
    this.skip();
    if (this.text[this.pos] !== '?') return test;
    this.pos++;
    const then = this.expression();
    this.skip();
    this.expect(':');
    const otherwise = this.expression();
    return { kind: 'conditional', test, then, else: otherwise, start, end: otherwise.end };
  }

  /** A heredoc's closing line ends the expression where newlines count. */
  lineEnded(e: Expr): boolean {
    return !this.newlines && this.heredocEnds.has(e.end) && this.pos === e.end;
  }

  binary(minPrecedence: number): Expr {
    let left = this.unary();
    for (;;) {
      if (this.lineEnded(left)) return left;
      const save = this.pos;
      this.skip();
      const op = this.binaryOperator();
      const precedence = op ? PRECEDENCE[op]! : 0;
      if (!op || precedence <= minPrecedence) {
        this.pos = save;
        return left;
      }
      this.pos += op.length;
      const right = this.binary(precedence);
      left = { kind: 'other', start: left.start, end: right.end };
    }
  }

  binaryOperator(): string | null {
    const t = this.text;
    const c = t[this.pos];
    const next = t[this.pos + 1];
    if (c === '/' && (next === '/' || next === '*')) return null;
    if (c === '<' && next === '<') return null;
    if (c === '=' && next === '>') return null;
    for (const op of BINARY_OPERATORS) if (t.startsWith(op, this.pos)) return op;
    return null;
  }

  unary(): Expr {
    this.skip();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '-' || (c === '!' && this.text[this.pos + 1] !== '=')) {
      this.pos++;
      const operand = this.unary();
      if (operand.kind === 'literal') {
        if (c === '-' && typeof operand.value === 'number') return { kind: 'negated', value: -operand.value, start, end: operand.end };
        if (c === '!' && typeof operand.value === 'boolean') return { kind: 'negated', value: !operand.value, start, end: operand.end };
        notFast(); // HCL converts or rejects the operand: hcl2json decides
      }
      return { kind: 'other', start, end: operand.end };
    }
    return this.postfix(this.term());
  }

  postfix(term: Expr): Expr {
    let e = term;
    const t = this.text;
    let attributeSplat = false; // HCL refuses some splats after `.*`: one per chain is certain
    for (;;) {
      if (this.lineEnded(e)) return e;
      const save = this.pos;
      this.skip();
      const c = t[this.pos];
      if (c === '.' && t[this.pos + 1] !== '.') {
        if (e.kind === 'literal') notFast(); // `1.5.x`, `true.x`: odd
        this.pos++;
        if (t[this.pos] === '*') {
          if (attributeSplat) notFast();
          attributeSplat = true;
          this.pos++;
        } else if (this.isIdentStart()) this.ident();
        else {
          // legacy index `list.0`; `list.0.1` is an error in HCL
          DIGITS.lastIndex = this.pos;
          const m = DIGITS.exec(t);
          const after = t.slice(this.pos + (m?.[0].length ?? 0), this.pos + (m?.[0].length ?? 0) + 2);
          if (!m || /^(\.[0-9]|[A-Za-z_])/.test(after)) notFast();
          this.pos += m[0].length;
        }
        e = { kind: 'other', start: e.start, end: this.pos };
      } else if (c === '[') {
        if (e.kind === 'literal') notFast();
        this.pos++;
        this.within(true, () => {
          this.skip();
          if (t[this.pos] === '*') this.pos++;
          else this.expression();
          this.skip();
          this.expect(']');
        });
        e = { kind: 'other', start: e.start, end: this.pos };
      } else {
        this.pos = save;
        return e;
      }
    }
  }

  term(): Expr {
    this.skip();
    const t = this.text;
    const start = this.pos;
    const c = t[this.pos];
    if (c === '(') {
      this.pos++;
      this.within(true, () => {
        this.expression();
        this.skip();
        this.expect(')');
      });
      return { kind: 'other', start, end: this.pos };
    }
    if (c === '"') return this.quoted();
    if (c === '<' && t[this.pos + 1] === '<') return this.heredoc();
    if (c === '[') return this.tuple();
    if (c === '{') return this.object();
    if (c !== undefined && c >= '0' && c <= '9') return this.number();
    const name = this.ident();
    if (name === 'true' || name === 'false' || name === 'null') {
      return { kind: 'literal', value: name === 'null' ? null : name === 'true', start, end: this.pos };
    }
    if (name === 'for' || name === 'in' || name === 'if') notFast();
    const save = this.pos;
    this.skip();
    if (t[this.pos] === '(' || t.startsWith('::', this.pos)) return this.call(start);
    this.pos = save;
    return { kind: 'other', start, end: this.pos };
  }

  number(): Expr {
    const start = this.pos;
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text)!;
    this.pos += m[0].length;
    if (/[A-Za-z0-9_.]/.test(this.text[this.pos] ?? '')) notFast();
    // beyond 15 significant digits, hcl2json's 512-bit decimal could round differently
    const digits = m[0]
      .replace(/[eE].*/, '')
      .replace('.', '')
      .replace(/^0+/, '');
    if (digits.length > 15) notFast();
    return { kind: 'literal', value: Number(m[0]), start, end: this.pos };
  }

  call(start: number): Expr {
    while (this.text.startsWith('::', this.pos)) {
      this.pos += 2;
      this.ident();
      this.skip();
    }
    this.expect('(');
    this.within(true, () => {
      this.skip();
      while (this.text[this.pos] !== ')') {
        this.expression();
        this.skip();
        if (this.text.startsWith('...', this.pos)) {
          this.pos += 3;
          this.skip();
          break;
        }
        if (this.text[this.pos] !== ',') break;
        this.pos++;
        this.skip();
      }
      this.expect(')');
    });
    return { kind: 'other', start, end: this.pos };
  }

  tuple(): Expr {
    const start = this.pos;
    this.pos++;
    return this.within(true, () => {
      this.skip();
      if (this.peekKeyword('for')) return this.forExpression(start, ']');
      const items: Expr[] = [];
      while (this.text[this.pos] !== ']') {
        items.push(this.expression());
        this.skip();
        if (this.text[this.pos] !== ',') break;
        this.pos++;
        this.skip();
      }
      this.expect(']');
      return { kind: 'tuple', items, start, end: this.pos };
    });
  }

  object(): Expr {
    const start = this.pos;
    this.pos++;
    // HCL looks for `for` past newlines, before they start to count in the braces
    const save = this.pos;
    this.skip(true);
    if (this.peekKeyword('for')) return this.within(true, () => this.forExpression(start, '}'));
    this.pos = save;
    return this.within(false, () => {
      const items: { key: string; value: Expr }[] = [];
      for (;;) {
        this.skip(true);
        if (this.text[this.pos] === '}') break;
        const key = this.objectKey();
        this.skip();
        if (this.text[this.pos] !== '=' && this.text[this.pos] !== ':') notFast();
        if (this.text[this.pos + 1] === '=' || this.text[this.pos + 1] === '>') notFast();
        this.pos++;
        const value = this.expression();
        items.push({ key, value });
        if (this.lineEnded(value)) continue;
        this.skip();
        const c = this.text[this.pos];
        if (c === '}') break;
        if (c === ',') this.pos++;
        else if (this.atLineEnd() && this.pos < this.text.length) this.endLine();
        else notFast();
      }
      this.pos++;
      return { kind: 'object', items, start, end: this.pos };
    });
  }

  /**
   * A key as hcl2json writes it: a bare name or dotted names as written, a quoted template, a
   * parenthesised expression wrapped, a small integer as its digits.
   */
  objectKey(): string {
    const t = this.text;
    const c = t[this.pos];
    if (c === '"') return this.convertStringPart(this.quoted());
    if (c === '(') return this.wrap(this.term());
    const start = this.pos;
    if (c !== undefined && c >= '0' && c <= '9') {
      const e = this.number();
      if (!/^(0|[1-9][0-9]*)$/.test(t.slice(start, e.end))) notFast();
      return t.slice(start, e.end);
    }
    for (;;) {
      const name = this.ident();
      if (RESERVED_KEYS.has(name)) notFast();
      if (t[this.pos] !== '.') break;
      this.pos++;
    }
    const save = this.pos;
    this.skip();
    const next = t[this.pos];
    if (next === '.' || next === '[' || next === '(' || (next === ':' && t[this.pos + 1] === ':')) notFast();
    this.pos = save;
    return t.slice(start, this.pos);
  }

  /** After `[` or `{` at the `for` keyword: checked for syntax, then kept as source. */
  forExpression(start: number, close: ']' | '}'): Expr {
    this.pos += 3;
    this.skip();
    this.ident();
    this.skip();
    if (this.text[this.pos] === ',') {
      this.pos++;
      this.skip();
      this.ident();
      this.skip();
    }
    if (!this.peekKeyword('in')) notFast();
    this.pos += 2;
    this.expression();
    this.skip();
    this.expect(':');
    this.expression();
    this.skip();
    if (close === '}') {
      this.expect('=>');
      this.expression();
      this.skip();
      if (this.text.startsWith('...', this.pos)) {
        this.pos += 3;
        this.skip();
      }
    }
    if (this.peekKeyword('if')) {
      this.pos += 2;
      this.expression();
      this.skip();
    }
    this.expect(close);
    return { kind: 'other', start, end: this.pos };
  }

  // ---- templates --------------------------------------------------------------------------

  quoted(): Expr {
    const start = this.pos;
    this.pos++;
    const parts: (string | Expr)[] = [];
    let literal = '';
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === undefined || c === '\n') notFast();
      if (c === '"') break;
      if (c === '\\') literal += this.escape();
      else if (this.templateEscape()) literal += c + '{';
      else if (c === '$' && t[this.pos + 1] === '{') {
        if (literal) parts.push(literal);
        literal = '';
        parts.push(this.interpolation());
      } else if (c === '%' && t[this.pos + 1] === '{')
        notFast(); // directives
      else {
        literal += c;
        this.pos++;
      }
    }
    this.pos++;
    if (literal) parts.push(literal);
    return { kind: 'template', parts, start, end: this.pos };
  }

  /** `$${` and `%%{` stand for a literal `${` and `%{`. */
  templateEscape(): boolean {
    const t = this.text;
    const c = t[this.pos];
    if ((c === '$' || c === '%') && t[this.pos + 1] === c && t[this.pos + 2] === '{') {
      this.pos += 3;
      return true;
    }
    return false;
  }

  interpolation(): Expr {
    this.pos += 2;
    if (this.text[this.pos] === '~') notFast();
    return this.within(true, () => {
      const e = this.expression();
      this.skip();
      if (this.heredocEnds.has(e.end)) notFast();
      this.expect('}'); // also rejects a `~` strip marker
      return e;
    });
  }

  escape(): string {
    const t = this.text;
    const c = t[this.pos + 1];
    this.pos += 2;
    if (c !== undefined && c in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[c]!;
    if (c !== 'u' && c !== 'U') notFast();
    const len = c === 'u' ? 4 : 8;
    const hex = t.slice(this.pos, this.pos + len);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) notFast();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) notFast();
    this.pos += len;
    return String.fromCodePoint(code);
  }

  heredoc(): Expr {
    const start = this.pos;
    const t = this.text;
    HEREDOC_START.lastIndex = this.pos;
    const head = HEREDOC_START.exec(t);
    if (!head) notFast();
    this.pos += head[0].length;
    const flush = head[1] === '-';
    const closing = new RegExp(`[ \\t]*${head[2]}[ \\t]*\\n`, 'y');
    // per line: literal pieces and interpolations, as HCL's scanner splits them
    const lines: (string | Expr)[][] = [];
    for (;;) {
      closing.lastIndex = this.pos;
      const close = closing.exec(t);
      if (close) {
        this.pos += close[0].length;
        break;
      }
      lines.push(this.heredocLine());
    }
    if (flush) stripIndentation(lines);
    const parts: (string | Expr)[] = [];
    for (const line of lines)
      for (const part of line) {
        const last = parts.length - 1;
        if (typeof part === 'string' && typeof parts[last] === 'string') parts[last] += part;
        else parts.push(part);
      }
    this.heredocEnds.add(this.pos);
    return { kind: 'template', parts, start, end: this.pos };
  }

  /** One line of a heredoc up to and including its newline. */
  heredocLine(): (string | Expr)[] {
    const t = this.text;
    const line: (string | Expr)[] = [];
    let literal = '';
    for (;;) {
      const c = t[this.pos];
      if (c === undefined) notFast(); // unclosed
      if (this.templateEscape()) literal += c + '{';
      else if (c === '$' && t[this.pos + 1] === '{') {
        if (literal) line.push(literal);
        literal = '';
        line.push(this.interpolation());
      } else if (c === '%' && t[this.pos + 1] === '{') notFast();
      else {
        literal += c;
        this.pos++;
        if (c === '\n') break;
      }
    }
    line.push(literal);
    return line;
  }

  // ---- conversion to hcl2json's JSON ------------------------------------------------------

  convertBody(body: Body): Json {
    const out = new Map<string, Json>();
    for (const block of body.blocks) {
      let level = out;
      let key = block.type;
      for (const label of block.labels) {
        let next = level.get(key);
        if (next === undefined) {
          next = new Map<string, Json>() as unknown as Json;
          level.set(key, next);
        } else if (!(next instanceof Map)) notFast(); // hcl2json refuses blocks with and without labels
        level = next as unknown as Map<string, Json>;
        key = label;
      }
      const list = level.get(key);
      if (list === undefined) level.set(key, [this.convertBody(block.body)]);
      else if (Array.isArray(list)) list.push(this.convertBody(block.body));
      else notFast();
    }
    for (const [name, value] of body.attributes) {
      if (out.has(name)) notFast(); // an argument and a block of one name: hcl2json keeps one
      out.set(name, this.convert(value));
    }
    return finish(out);
  }

  convert(e: Expr): Json {
    switch (e.kind) {
      case 'literal':
      case 'negated':
        return e.value;
      case 'template':
        return this.convertTemplate(e.parts);
      case 'tuple':
        return e.items.map((item) => this.convert(item));
      case 'object': {
        const out = new Map<string, Json>();
        // a repeated key: the last one wins, as in hcl2json's Go map
        for (const { key, value } of e.items) out.set(key, this.convert(value));
        return finish(out);
      }
      default:
        return this.wrap(e);
    }
  }

  convertTemplate(parts: (string | Expr)[]): Json {
    if (parts.length === 1 && typeof parts[0] !== 'string') {
      // "${x}" alone is x itself, whatever its type
      const inner = parts[0]!;
      if (inner.kind === 'template') notFast();
      return this.convert(inner);
    }
    return this.joinParts(parts);
  }

  /** A template used as an object key: always a string. */
  convertStringPart(e: Expr): string {
    const parts = e.kind === 'template' ? e.parts : notFast();
    if (parts.length === 1 && typeof parts[0] !== 'string') return this.convertPart(parts[0]!);
    return this.joinParts(parts);
  }

  /** A template's parts as one string: literals escaped again, interpolations as source. */
  joinParts(parts: (string | Expr)[]): string {
    return parts.map((part) => (typeof part === 'string' ? escapeLiteral(part) : this.convertPart(part))).join('');
  }

  /**
   * An interpolation inside a longer template (or a branch of a conditional there): its source,
   * except that hcl2json writes a template as its text and a conditional as an `%{if}` directive.
   */
  convertPart(e: Expr): string {
    if (e.kind === 'literal') notFast(); // a number or bool as text, null as nothing: hcl2json's call
    if (e.kind === 'template') return this.convertStringPart(e);
    if (e.kind !== 'conditional') return this.wrap(e);
    if (this.text[e.test.end] === ')') notFast(); // the `)` quirk of wrap()
    const otherwise = this.convertPart(e.else);
    return `%{if ${this.text.slice(e.test.start, e.test.end)}}${this.convertPart(e.then)}${otherwise ? `%{else}${otherwise}` : ''}%{endif}`;
  }

  wrap(e: Expr): string {
    if (this.heredocEnds.has(e.end)) notFast();
    // hcl2json includes a `)` just after a range (a quirk for ranges that stop short of it)
    if (this.text[e.end] === ')') notFast();
    return '${' + this.text.slice(e.start, e.end) + '}';
  }
}

const PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };

/**
 * hcl2json writes a literal `${` or `%{` escaped again; HCL normalises string literals to NFC,
 * which we only trust when the text is already in that form.
 */
function escapeLiteral(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s) && s.normalize('NFC') !== s) notFast();
  return s.replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`);
}

/**
 * `<<-`: HCL removes the smallest indentation of the lines that are not blank, counting each
 * leading space or tab as one; a line that starts with an interpolation counts as zero.
 */
function stripIndentation(lines: (string | Expr)[][]): void {
  let min = Infinity;
  const adjust: (string | Expr)[][] = [];
  for (const line of lines) {
    const first = line[0];
    if (typeof first !== 'string' || first === '') {
      min = 0;
      continue;
    }
    if (/^[ \t]*\n$/.test(first)) continue; // blank: neither counted nor changed
    const indent = /^[ \t]*/.exec(first)![0].length;
    if (OTHER_SPACE.test(first[indent] ?? '')) notFast(); // other white space: counted by HCL too
    min = Math.min(min, indent);
    adjust.push(line);
  }
  if (min === Infinity) return;
  for (const line of adjust) line[0] = (line[0] as string).slice(min);
}

/** An object as hcl2json's JSON has it: keys in byte order (Go sorts map keys). */
function finish(entries: Map<string, Json>): Json {
  const keys = [...entries.keys()];
  for (const k of keys) if (/[^\x20-\x7e]/.test(k)) notFast(); // sorted by bytes only for ASCII
  keys.sort();
  const out: { [key: string]: Json } = {};
  for (const k of keys) {
    const v = entries.get(k)!;
    const json = v instanceof Map ? finish(v as Map<string, Json>) : v;
    if (k === '__proto__') Object.defineProperty(out, k, { value: json, enumerable: true, writable: true, configurable: true });
    else out[k] = json;
  }
  return out;
}
