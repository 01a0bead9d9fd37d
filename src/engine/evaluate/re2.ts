// Terraform's replace() takes RE2 patterns (Go's regexp) and Go's replacement template. The
// two syntaxes share a core but differ silently elsewhere (`\z`, `\pN`, `[[:digit:]]`,
// `\Q…\E`, `.` and `\s` on Unicode, `$1x`), so a pattern is translated to JavaScript only
// inside a subset whose meaning is the same in both; anything else is not evaluated.
import { EvalError, objectFrom, type Value } from './value.js';

/** A pattern or template outside the subset the engine evaluates the way Terraform does. */
export class UnsupportedPattern extends Error {}

/** RE2's `\s` (ASCII only; JavaScript's also matches Unicode spaces). */
const RE2_SPACE = '\\t\\n\\f\\r ';
/** RE2's largest repetition count. */
const MAX_REPEAT = 1000;

function unsupported(what: string): never {
  throw new UnsupportedPattern(`the pattern uses ${what}, whose RE2 meaning is not evaluated statically`);
}

function hexEscape(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** The JavaScript source ('u' flag) of an RE2 pattern, and whether it is case-insensitive. */
function translate(pattern: string): { source: string; ignoreCase: boolean } {
  let ignoreCase = false;
  let rest = pattern;
  if (rest.startsWith('(?i)')) {
    ignoreCase = true;
    rest = rest.slice(4);
    // JavaScript's /iu widens \w and \b (U+017F, U+212A); RE2's stay ASCII
    if (/\\[wWbB]/.test(rest)) unsupported('(?i) with \\w or \\b');
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '\\') {
      const e = rest[++i];
      if (e === undefined) unsupported('a trailing backslash');
      if ('dDwW'.includes(e) || 'ntrfv'.includes(e) || (!inClass && 'bB'.includes(e))) out += `\\${e}`;
      else if (e === 's') out += inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
      else if (e === 'S' && !inClass) out += `[^${RE2_SPACE}]`;
      else if (/^[!-/:-@[-`{-~]$/.test(e)) out += hexEscape(e);
      else unsupported(`the escape \\${e}`);
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      if (c === '[') {
        if (rest[i + 1] === ':') unsupported('a POSIX class');
        out += '\\[';
        continue;
      }
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (rest[i + 1] === '^') out += rest[++i];
      // RE2 reads a `]` first in a class as itself; JavaScript as an empty class
      if (rest[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && rest[i + 1] === '?') {
      const group = /^\(\?(?::|P?<([A-Za-z_][A-Za-z0-9_]*)>)/.exec(rest.slice(i));
      if (!group) unsupported('a flag or group form other than (?:…) and (?P<name>…)');
      out += group[1] === undefined ? '(?:' : `(?<${group[1]}>`;
      i += group[0].length - 1;
      continue;
    }
    if (c === '.') out += '[^\\n]';
    else if (c === '{') {
      const repeat = /^\{(\d+)(?:,(\d*))?\}/.exec(rest.slice(i));
      if (!repeat) out += '\\{';
      else {
        if (Number(repeat[1]) > MAX_REPEAT || Number(repeat[2] ?? 0) > MAX_REPEAT) unsupported('a repetition count over 1000');
        out += repeat[0];
        i += repeat[0].length - 1;
      }
    } else if (c === '}') out += '\\}';
    else out += c;
  }
  if (inClass) unsupported('an unclosed class');
  return { source: out, ignoreCase };
}

/** Compiles an RE2 pattern to an equivalent JavaScript one; UnsupportedPattern when it cannot. */
export function compileRe2(pattern: string): RegExp {
  const { source, ignoreCase } = translate(pattern);
  try {
    return new RegExp(source, ignoreCase ? 'gui' : 'gu');
  } catch {
    return unsupported('syntax JavaScript reads differently');
  }
}

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`; a name is the longest run of word characters. */
function expand(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(?:\$|\{([A-Za-z0-9_]*)\}|([A-Za-z0-9_]+))?/g, (whole, braced?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare;
    if (!name) return whole;
    const value = /^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name];
    return value ?? '';
  });
}

/** Go's Regexp.ReplaceAllString: an empty match right after a match is not replaced. */
export function replaceAllRe2(text: string, re: RegExp, template: string): string {
  let out = '';
  let lastEnd = 0;
  let searchAt = 0;
  while (searchAt <= text.length) {
    re.lastIndex = searchAt;
    const m = re.exec(text);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += text.slice(lastEnd, start);
    if (end > lastEnd || start === 0) out += expand(template, m);
    lastEnd = end;
    const width = (text.codePointAt(searchAt) ?? 0) > 0xffff ? 2 : 1;
    searchAt = searchAt + width > end ? searchAt + width : end;
  }
  return out + text.slice(lastEnd);
}

/** Go's Regexp.FindAllStringSubmatch: an empty match right after a match is not kept. */
function findAllRe2(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let prevEnd = -1;
  let searchAt = 0;
  while (searchAt <= text.length) {
    re.lastIndex = searchAt;
    const m = re.exec(text);
    if (!m) break;
    const end = m.index + m[0].length;
    if (end > m.index || m.index !== prevEnd) out.push(m);
    prevEnd = end;
    const width = (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    searchAt = end > m.index ? end : end + width;
  }
  return out;
}

/**
 * What Terraform's regex() and regexall() make of one match: the matched text when the pattern
 * has no capture group, the groups' texts as a list (unnamed) or an object (named); a group that
 * took no part is null. Go refuses named and unnamed groups mixed.
 */
function matchValue(re: RegExp): (m: RegExpExecArray) => Value {
  // the pattern or nothing matches '', and reports every group
  const empty = new RegExp(`${re.source}|`, re.flags).exec('')!;
  const groups = empty.length - 1;
  const names = Object.keys(empty.groups ?? {});
  if (names.length > 0 && names.length < groups) throw new EvalError('invalid regexp pattern: cannot mix both named and unnamed capture groups');
  if (groups === 0) return (m) => m[0];
  if (names.length === 0) return (m) => m.slice(1).map((g) => g ?? null);
  return (m) => objectFrom(names.map((n) => [n, m.groups![n] ?? null] as const));
}

/** Terraform's regex(): the first match, or its error when there is none. */
export function regexRe2(pattern: string, text: string): Value {
  const re = compileRe2(pattern);
  const value = matchValue(re);
  const [first] = findAllRe2(text, re);
  if (!first) throw new EvalError('pattern did not match any part of the given string');
  return value(first);
}

/** Terraform's regexall(): every match, as Go finds them. */
export function regexAllRe2(pattern: string, text: string): Value[] {
  const re = compileRe2(pattern);
  return findAllRe2(text, re).map(matchValue(re));
}
