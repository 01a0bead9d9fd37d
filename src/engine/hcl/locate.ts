// hcl2json gives no source positions, so blocks and attributes are found again in the original
// text. This is a structural scanner, not a parser: it only needs to know where strings,
// heredocs, comments and `${…}` templates are, so that braces inside them are not counted.
import { IDENTIFIER } from './identifier.js';

const WORD = new RegExp(`^${IDENTIFIER}`);
const HEREDOC_MARKER = new RegExp(`^<<-?(${IDENTIFIER})`);

export interface Span {
  startLine: number;
  endLine: number;
  /** Set when the span lies in another file than its block's (merged from an override file). */
  file?: string;
}

export interface LocatedBlock extends Span {
  type: string;
  labels: string[];
  attributes: Map<string, Span>;
  blocks: LocatedBlock[];
}

export interface LocatedFile {
  blocks: LocatedBlock[];
  /** Top-level attributes (tfvars files). */
  attributes: Map<string, Span>;
  /** Every comment in the file with its line, for suppression markers. */
  comments: { line: number; text: string }[];
}

/** Locates every block and attribute of an HCL native-syntax file. */
export function locateHcl(text: string): LocatedFile {
  return new Scanner(text).file();
}

class Scanner {
  pos = 0;
  line = 1;
  comments: { line: number; text: string }[] = [];
  constructor(readonly text: string) {}

  file(): LocatedFile {
    const { blocks, attributes } = this.body(false);
    return { blocks, attributes, comments: this.comments };
  }

  advance(n: number): void {
    for (let i = 0; i < n && this.pos < this.text.length; i++) {
      if (this.text.charCodeAt(this.pos) === 10) this.line++;
      this.pos++;
    }
  }

  /** Skips white space and comments; stops at a newline when `newlines` is false. */
  skipTrivia(newlines: boolean): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.advance(1);
      else if (c === '#' || (c === '/' && t[this.pos + 1] === '/')) {
        const end = t.indexOf('\n', this.pos);
        const stop = end < 0 ? t.length : end;
        this.comments.push({ line: this.line, text: t.slice(this.pos, stop) });
        this.pos = stop;
      } else if (c === '/' && t[this.pos + 1] === '*') {
        const end = t.indexOf('*/', this.pos + 2);
        const stop = end < 0 ? t.length : end + 2;
        this.comments.push({ line: this.line, text: t.slice(this.pos, stop) });
        this.advance(stop - this.pos);
      } else return;
    }
  }

  /** Reads the items of a body until `}` (nested) or the end of the text (top level). */
  body(nested: boolean): { blocks: LocatedBlock[]; attributes: Map<string, Span> } {
    const blocks: LocatedBlock[] = [];
    const attributes = new Map<string, Span>();
    const t = this.text;
    for (;;) {
      this.skipTrivia(true);
      if (this.pos >= t.length) return { blocks, attributes };
      if (t[this.pos] === '}') {
        // a stray brace at top level is skipped rather than ending the file
        this.advance(1);
        if (nested) return { blocks, attributes };
        continue;
      }
      const startLine = this.line;
      const name = this.word();
      if (!name) {
        this.skipLine();
        continue;
      }
      this.skipTrivia(false);
      if (t[this.pos] === '=' && t[this.pos + 1] !== '=') {
        this.advance(1);
        this.skipValue();
        attributes.set(name, { startLine, endLine: this.line });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skipTrivia(false);
        const c = t[this.pos];
        if (c === '"') labels.push(this.quotedLabel());
        else if (c === '{') break;
        else {
          const w = this.word();
          if (!w) break;
          labels.push(w);
        }
      }
      if (t[this.pos] !== '{') {
        this.skipLine();
        continue;
      }
      this.advance(1);
      const inner = this.body(true);
      blocks.push({
        type: name,
        labels,
        startLine,
        endLine: this.line,
        attributes: inner.attributes,
        blocks: inner.blocks,
      });
    }
  }

  word(): string {
    const m = WORD.exec(this.text.slice(this.pos, this.pos + 256));
    if (!m) return '';
    this.advance(m[0].length);
    return m[0];
  }

  quotedLabel(): string {
    const start = this.pos + 1;
    this.skipString();
    return this.text.slice(start, this.pos - 1);
  }

  skipLine(): void {
    while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.advance(1);
  }

  /** Skips an attribute's value: up to the newline at bracket depth zero. */
  skipValue(): void {
    const t = this.text;
    let depth = 0;
    while (this.pos < t.length) {
      this.skipTrivia(depth > 0);
      const c = t[this.pos];
      if (c === undefined) return;
      if (c === '\n') {
        if (depth === 0) return;
        this.advance(1);
      } else if (c === '"') this.skipString();
      else if (c === '<' && t[this.pos + 1] === '<' && /^<<-?[A-Za-z_]/.test(t.slice(this.pos, this.pos + 4))) this.skipHeredoc();
      else if (c === '(' || c === '[' || c === '{') {
        depth++;
        this.advance(1);
      } else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return; // end of the enclosing block on the same line
        depth--;
        this.advance(1);
      } else this.advance(1);
    }
  }

  /** Skips a quoted string, including nested `${…}` templates that may hold strings. */
  skipString(): void {
    const t = this.text;
    this.advance(1);
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === '\\') this.advance(2);
      else if (c === '"') {
        this.advance(1);
        return;
      } else if ((c === '$' || c === '%') && t[this.pos + 1] === '{') {
        if (t[this.pos - 1] === c) {
          this.advance(2); // escaped $${ or %%{
          continue;
        }
        this.advance(2);
        this.skipTemplateExpr();
      } else if (c === '\n')
        return; // unterminated: let the parser report it
      else this.advance(1);
    }
  }

  skipTemplateExpr(): void {
    const t = this.text;
    let depth = 1;
    while (this.pos < t.length && depth > 0) {
      const c = t[this.pos];
      if (c === '"') this.skipString();
      else if (c === '{') {
        depth++;
        this.advance(1);
      } else if (c === '}') {
        depth--;
        this.advance(1);
      } else this.advance(1);
    }
  }

  skipHeredoc(): void {
    const m = HEREDOC_MARKER.exec(this.text.slice(this.pos))!;
    const marker = m[1]!;
    this.skipLine();
    while (this.pos < this.text.length) {
      this.advance(1); // the newline
      const lineEnd = this.text.indexOf('\n', this.pos);
      const line = this.text.slice(this.pos, lineEnd < 0 ? this.text.length : lineEnd);
      if (line.trim() === marker) {
        this.advance(line.length);
        return;
      }
      this.skipLine();
    }
  }
}
