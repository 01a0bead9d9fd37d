// How deeply a file's brackets nest, measured before parsing: the parsers recurse once per
// level (hcl2json's WebAssembly overflows V8's stack near 800), so a file nested deeper than
// the bound is reported as a parse error at the line where it goes too deep.
import { IDENTIFIER } from './identifier.js';

const HEREDOC_START = new RegExp(`^<<-?(${IDENTIFIER})\\r?\\n`);

export interface TooDeep {
  line: number;
  column: number;
}

/**
 * The first place where `( [ {` (and `${ … }` / `%{ … }` inside strings) nest deeper than
 * `max`, or null. Strings, heredocs and comments are skipped; in JSON only strings are.
 */
export function findTooDeep(text: string, max: number, json: boolean): TooDeep | null {
  // the open contexts: a bracket, or a string (which may itself hold a template)
  const stack: ('code' | 'string')[] = [];
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  let i = 0;
  const open = (kind: 'code' | 'string'): TooDeep | null => {
    stack.push(kind);
    if (kind === 'code' && ++depth > max) return { line, column: i - lineStart + 1 };
    return null;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    }
    const inString = stack[stack.length - 1] === 'string';
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) stack.pop();
      else if (!json && (c === 36 || c === 37) && text.charCodeAt(i + 1) === 123 /* ${ %{ */) {
        if (text.charCodeAt(i - 1) !== c) {
          i++;
          const hit = open('code');
          if (hit) return hit;
        }
      }
      i++;
      continue;
    }
    if (c === 34) stack.push('string');
    else if (c === 40 || c === 91 || c === 123) {
      const hit = open('code');
      if (hit) return hit;
    } else if (c === 41 || c === 93 || c === 125) {
      if (stack.length) {
        stack.pop();
        depth--;
      }
    } else if (!json && (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    } else if (!json && c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (text.charCodeAt(j) === 10) [line, lineStart] = [line + 1, j + 1];
      i = stop;
      continue;
    } else if (!json && c === 60 && text.startsWith('<<', i)) {
      const m = HEREDOC_START.exec(text.slice(i, i + 260));
      if (m) {
        // a heredoc's body is text, up to the line that holds only its marker
        let at = i + m[0].length;
        line++;
        lineStart = at;
        while (at < n) {
          const end = text.indexOf('\n', at);
          const stop = end < 0 ? n : end;
          if (text.slice(at, stop).trim() === m[1]) break;
          at = stop + 1;
          line++;
          lineStart = at;
        }
        i = at;
        continue;
      }
    }
    i++;
  }
  return null;
}
