// Which files of the repository a directory's configuration reads through `file()`,
// `templatefile()` or `fileexists()`, found in its text before anything is parsed: the readers
// fetch those files for evaluation, and a change to one of them touches the directory. Each
// `${…}` in the written path other than path.module / get_terragrunt_dir() may be anything; a
// path that is no string literal (`file(var.p)`) may be any file.
import { posix } from 'node:path';
import { dirOf } from './config-files.js';
import type { SourceFile } from './parse.js';

/** The files one directory's configuration may read. */
export interface FileRead {
  dir: string;
  /** The paths to read for evaluation (an interpolation stays within one path segment); null: none can be foreseen. */
  reads: RegExp | null;
  /** The changed paths that touch the directory (an interpolation may span segments). */
  touches: RegExp;
}

const CALL = /\b(?:file|templatefile|fileexists)\s*\(\s*/g;
// placeholders for what an interpolation stands for, kept through path normalisation
const HERE = '\uE001';
const ANYWHERE = '\uE002';
const ANY = '\uE003';

/** Every file read written in these files, by the directory whose configuration reads it. */
export function fileReads(files: SourceFile[]): FileRead[] {
  const out: FileRead[] = [];
  for (const f of files) {
    // in a .tf.json file the call sits inside a JSON string, its quotes escaped
    const text = f.path.endsWith('.json') ? f.content.replace(/\\"/g, '"') : f.content;
    for (const m of text.matchAll(CALL)) {
      const written = stringLiteral(text, m.index + m[0].length);
      out.push(written === null ? { dir: dirOf(f.path), reads: null, touches: /^/ } : patterns(dirOf(f.path), written, f.path.endsWith('terragrunt.hcl')));
    }
  }
  return out;
}

/** Whether a path is one the reads may read for evaluation. */
export function isReadPath(reads: FileRead[], path: string): boolean {
  return reads.some((r) => r.reads?.test(path));
}

/** The directories whose configuration reads one of `changed`. */
export function dirsReading(reads: FileRead[], changed: string[]): string[] {
  return [...new Set(reads.filter((r) => changed.some((p) => r.touches.test(p))).map((r) => r.dir))].sort();
}

/** The quoted string starting at `at` as parts (literal text, interpolation source); null when none starts there. */
function stringLiteral(text: string, at: number): (string | { interp: string })[] | null {
  if (text[at] !== '"') return null;
  const parts: (string | { interp: string })[] = [];
  let literal = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return [...parts, literal];
    if (c === '\n') return null;
    if (c === '\\') {
      literal += text[++i] ?? '';
      continue;
    }
    if (c !== '$' || text[i + 1] !== '{') {
      literal += c;
      continue;
    }
    // an interpolation, to its closing brace (strings inside it may hold braces)
    let depth = 0;
    let j = i + 1;
    let quoted = false;
    for (; j < text.length; j++) {
      const d = text[j]!;
      if (d === '\n') return null;
      if (quoted) {
        if (d === '\\') j++;
        else if (d === '"') quoted = false;
      } else if (d === '"') quoted = true;
      else if (d === '{') depth++;
      else if (d === '}' && --depth === 0) break;
    }
    parts.push(literal, { interp: text.slice(i + 2, j).trim() });
    literal = '';
    i = j;
  }
  return null;
}

/** What an interpolation stands for; `unitFile`: a terragrunt.hcl, whose directory is the unit's
 * (a file a unit includes answers get_terragrunt_dir() for each unit below it). */
function placeholder(expr: string, unitFile: boolean): string {
  if (expr === 'path.module' || (unitFile && /^get_(?:original_)?terragrunt_dir\(\s*\)$/.test(expr))) return HERE;
  if (expr === 'path.root' || expr === 'path.cwd' || /^get_\w+\(/.test(expr)) return ANYWHERE;
  return ANY;
}

function patterns(dir: string, parts: (string | { interp: string })[], unitFile: boolean): FileRead {
  const written = parts.map((p) => (typeof p === 'string' ? p : placeholder(p.interp, unitFile))).join('');
  // a path from the module's directory; from a directory the text does not say (path.root,
  // an interpolation); or relative: from the working directory, the root module's, which is this
  // directory for a root and unknown to the text for a module (so: from any directory too)
  let anchored: (string | null)[] = [];
  let floating: string[] = [];
  if (written.startsWith(HERE)) anchored = [join(dir, written.slice(1))];
  else if (written.startsWith(ANYWHERE) || written.startsWith(ANY)) floating = [written.replace(/^[\uE002\uE003]\/*/, '')];
  else [anchored, floating] = [[join(dir, written)], [written.replace(/^(?:\.\.?\/)+/, '')]];
  const regex = (span: string) => {
    const body = (p: string) =>
      p
        .split(/([\uE001-\uE003])/)
        .map((s) => (s === HERE || s === ANYWHERE || s === ANY ? span : escapePattern(s)))
        .join('');
    const alternatives = [...anchored.flatMap((p) => (p === null ? [] : [body(p)])), ...floating.map((p) => `(?:.*/)?${body(p)}`)];
    return new RegExp(`^(?:${alternatives.join('|') || '(?!)'})$`, 's');
  };
  return { dir, reads: regex('[^/]*'), touches: regex('.*') };
}

/** `written` from `dir`, normalised; null when it leaves the repository. */
function join(dir: string, written: string): string | null {
  const normal = posix.normalize(posix.join(dir || '.', written.replace(/^\/+/, '')));
  return normal === '..' || normal.startsWith('../') ? null : normal;
}

/** `s` matched literally in a regular expression. */
export function escapePattern(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
