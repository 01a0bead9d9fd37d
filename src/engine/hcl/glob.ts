// The patterns of Terraform's fileset(): a doublestar glob joined to the path and cleaned as Go's
// filepath.Join cleans it. Read here within the subset whose meaning `terraform console` (1.11)
// showed: `*` and `?` within a segment (dot files included), a `**` segment for any number of
// directories (alone at the end: every file below), `[a-z]` and `[^a]`, `{a,b}` without a slash.
// `[!a]` (a class of '!' and 'a' there), escapes and nested braces are not read.
import { posix } from 'node:path';

/** A pattern outside the subset read here. */
export class UnsupportedGlob extends Error {}

function segment(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '*') {
      while (text[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = text.indexOf(']', i + 2);
      const body = text.slice(i + 1, end);
      if (end < 0 || body.startsWith('!') || /[\\[]/.test(body)) throw new UnsupportedGlob(`the class in "${text}" is not read`);
      out += `[${body}]`;
      i = end;
    } else if (c === '{') {
      const end = text.indexOf('}', i);
      const body = text.slice(i + 1, end);
      if (end < 0 || /[{[*?\\]/.test(body)) throw new UnsupportedGlob(`the alternatives in "${text}" are not read`);
      out += `(?:${body.split(',').map(literal).join('|')})`;
      i = end;
    } else if ('\\]}'.includes(c)) throw new UnsupportedGlob(`"${c}" in "${text}" is not read`);
    else out += literal(c);
  }
  return out;
}

function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The repository paths `pattern` matches under the repository directory `dir`, as a regular
 * expression over repository paths; UnsupportedGlob when the pattern is outside the subset.
 */
export function globPattern(dir: string, pattern: string): RegExp {
  const joined = posix.normalize(posix.join(dir || '.', pattern));
  if (joined === '..' || joined.startsWith('../') || /(?:^|\/)\.\.(?:\/|$)/.test(pattern)) throw new UnsupportedGlob(`"${pattern}" leaves its directory`);
  const parts = joined
    .replace(/^\.\/?/, '')
    .replace(/\/+$/, '')
    .split('/');
  const body = parts.map((p, i) => (p === '**' ? (i === parts.length - 1 ? '.+' : '(?:[^/]+/)*') : segment(p) + (i < parts.length - 1 ? '/' : ''))).join('');
  return new RegExp(`^${body}$`, 's');
}
