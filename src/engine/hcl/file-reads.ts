// Which files of the repository a directory's configuration reads through `file()`,
// `templatefile()` or `fileexists()`, found in its text before anything is parsed: the readers
// fetch those files for evaluation, and a change to one of them touches the directory. Each
// `${…}` in the written path other than path.module / get_terragrunt_dir() may be anything; a
// path that is no string literal (`file(var.p)`) may be any file. The same for the files a
// Terragrunt unit includes or reads (`include { path }`, `read_terragrunt_config()`), which
// are configuration read from elsewhere (`_envcommon/app.hcl` beside the units).
import { posix } from 'node:path';
import { dirOf } from './config-files.js';
import { UnsupportedGlob, globPattern } from './glob.js';
import type { SourceFile } from './parse.js';

/** The files one directory's configuration may read. */
export interface FileRead {
  dir: string;
  /** The paths to read for evaluation (an interpolation stays within one path segment); null: none can be foreseen. */
  reads: RegExp | null;
  /** The changed paths that touch the directory (an interpolation may span segments). */
  touches: RegExp;
  /** For a fileset(): the source of `reads`, whose every match is read (the evaluator lists them). */
  glob?: string;
}

const CALL = /\b(?:file|templatefile|fileexists)\s*\(\s*/g;
// fileset(path.module | "${path.module}/dir" | "dir", "literal pattern"): the forms foreseen
const FILESET = /\bfileset\s*\(\s*/g;
// a condition (no call or conditional in it) choosing between two quoted paths
const CHOICE = /[^?:()\n]+\?\s*("[^"\n]*")\s*:\s*("[^"\n]*")\s*\)/y;
// a local_file data source reads its `filename` as file() does (the first in its block)
const LOCAL_FILE = /\bdata\s+"local(?:_sensitive)?_file"\s+"[^"\n]*"\s*\{[^}]*?\bfilename\s*=\s*/g;
const FILESET_ARGS = /(?:(path\.module)|"(\$\{path\.module\}\/?)?([^"$\\\n]*)")\s*,\s*"([^"$\\\n]*)"/y;
// placeholders for what an interpolation stands for, kept through path normalisation
const HERE = '\uE001';
const ANYWHERE = '\uE002';
const ANY = '\uE003';
/** A directory above a Terragrunt unit (where `find_in_parent_folders()` looks). */
const ABOVE = '\uE004';
const PLACEHOLDERS = /([\uE001-\uE004])/;

/** Every file read written in these files, by the directory whose configuration reads it. */
export function fileReads(files: SourceFile[]): FileRead[] {
  const out: FileRead[] = [];
  for (const f of files) {
    // in a .tf.json file the call sits inside a JSON string, its quotes escaped
    const text = f.path.endsWith('.json') ? f.content.replace(/\\"/g, '"') : f.content;
    for (const m of [...text.matchAll(CALL), ...text.matchAll(LOCAL_FILE)]) {
      const at = m.index + m[0].length;
      // `file(c ? "a.yaml" : "b.yaml")`: both may be read when the condition is not known
      CHOICE.lastIndex = at;
      const choice = CHOICE.exec(text);
      const starts = choice ? [at + choice[0].indexOf(choice[1]!, choice[0].indexOf('?')), at + choice[0].lastIndexOf(choice[2]!)] : [at];
      for (const start of starts) {
        const written = stringLiteral(text, start);
        out.push(written === null ? { dir: dirOf(f.path), reads: null, touches: /^/ } : patterns(dirOf(f.path), written, f.path.endsWith('terragrunt.hcl')));
      }
    }
    for (const m of text.matchAll(FILESET)) {
      FILESET_ARGS.lastIndex = m.index + m[0].length;
      out.push(fileSetRead(dirOf(f.path), FILESET_ARGS.exec(text)));
    }
  }
  return out;
}

/** A file a Terragrunt unit (or a file it includes) reads as configuration, and the directories it may be in. */
export interface TerragruntRead extends FileRead {
  file: string;
  /** The directories the read file may be in; null: any. */
  within: RegExp | null;
}

// `include "x" { … path = …`, `read_terragrunt_config(`, and the module `terraform { source = …`
// (a directory, `//` marking its subdirectory): the path is what follows
const TERRAGRUNT_READ = /\binclude(?:\s+"[^"\n]*")?\s*\{[^{}]*?\bpath\s*=\s*|\bread_terragrunt_config\s*\(\s*|\bterraform\s*\{[^{}]*?\b(source)\s*=\s*/g;
// a path written as the bare call `find_in_parent_folders("root.hcl")`, perhaps in dirname()
const PARENT_FOLDER = /^(?:dirname\s*\(\s*)?find_in_parent_folders\s*\(\s*(?:"[^"$\\\n]*")?\s*\)(?:\s*\))?/;

/** Every include and read_terragrunt_config() written in these `.hcl` files. */
export function terragruntReads(files: SourceFile[]): TerragruntRead[] {
  const out: TerragruntRead[] = [];
  for (const f of files) {
    if (!f.path.endsWith('.hcl')) continue;
    const unitFile = f.path.endsWith('terragrunt.hcl');
    for (const m of f.content.matchAll(TERRAGRUNT_READ)) {
      const at = m.index + m[0].length;
      const call = PARENT_FOLDER.exec(f.content.slice(at, at + 200));
      const path = call ? ['', { interp: call[0] }, ''] : stringLiteral(f.content, at);
      const written = path && m[1] ? [...path.map((p) => (typeof p === 'string' ? p.replace(/\/\/+/g, '/') : p)), '/-'] : path;
      // a unit's relative path is from its own directory; an included file's, from its unit's
      const read = written === null ? { dir: dirOf(f.path), reads: null, touches: /^/ } : patterns(dirOf(f.path), written, unitFile, { fixed: unitFile });
      const within = written === null ? null : patterns(dirOf(f.path), written, unitFile, { fixed: unitFile, directory: true }).reads;
      out.push({ ...read, file: f.path, within });
    }
  }
  return out;
}

/** A fileset() call's reads: every file its pattern matches, or, when it cannot be foreseen, none (and any change touches). */
function fileSetRead(dir: string, args: RegExpExecArray | null): FileRead {
  const none = { dir, reads: null, touches: /^/ };
  if (!args) return none;
  const [, moduleDir, , literal, pattern] = args;
  const base = moduleDir !== undefined ? dir : join(dir, literal ?? '');
  if (base === null) return none;
  try {
    const glob = globPattern(base, pattern!);
    return { dir, reads: glob, touches: glob, glob: glob.source };
  } catch (e) {
    if (e instanceof UnsupportedGlob) return none;
    throw e;
  }
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
  // a directory above the unit, and the name there (or, in dirname(), the name's directory)
  const parent = /^(dirname\s*\(\s*)?find_in_parent_folders\s*\(\s*(?:"([^"$\\]*)")?\s*\)(\s*\))?$/.exec(expr);
  if (unitFile && parent && !parent[1] === !parent[3]) {
    const name = parent[2] ?? 'terragrunt.hcl';
    const found = parent[1] ? posix.dirname(name) : name;
    return found === '.' ? ABOVE : `${ABOVE}/${found}`;
  }
  if (expr === 'path.root' || expr === 'path.cwd' || /^get_\w+\(/.test(expr)) return ANYWHERE;
  return ANY;
}

/** The patterns of a written path (`directory`: of the directory it is in; `fixed`: a relative path is from `dir`). */
function patterns(dir: string, parts: (string | { interp: string })[], unitFile: boolean, { directory = false, fixed = false } = {}): FileRead {
  const path = parts.map((p) => (typeof p === 'string' ? p : placeholder(p.interp, unitFile))).join('');
  const written = directory ? posix.dirname(path) : path;
  // a path from the module's directory; from a directory the text does not say (path.root,
  // an interpolation); or relative: from the working directory, the root module's, which is this
  // directory for a root and unknown to the text for a module (so: from any directory too)
  let anchored: (string | null)[] = [];
  let floating: string[] = [];
  if (written.startsWith(HERE)) anchored = [join(dir, written.slice(1))];
  else if (written.startsWith(ABOVE)) anchored = above(dir).map((d) => join(d, written.slice(1)));
  else if (written.startsWith(ANYWHERE) || written.startsWith(ANY)) floating = [written.replace(/^[\uE002\uE003]\/*/, '')];
  else [anchored, floating] = [[join(dir, written)], fixed ? [] : [written.replace(/^(?:\.\.?\/)+/, '')]];
  const regex = (span: string) => {
    const body = (p: string) =>
      p
        .split(PLACEHOLDERS)
        .map((s) => (PLACEHOLDERS.test(s) ? span : escapePattern(s)))
        .join('');
    const alternatives = [...anchored.flatMap((p) => (p === null ? [] : [body(p)])), ...floating.map((p) => `(?:.*/)?${body(p)}`)];
    return new RegExp(`^(?:${alternatives.join('|') || '(?!)'})$`, 's');
  };
  return { dir, reads: regex('[^/]*'), touches: regex('.*') };
}

/** The directories above `dir`, nearest first, to the repository's root (''). */
function above(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; d !== '';) out.push((d = dirOf(d)));
  return out;
}

/** `written` from `dir`, normalised; null when it leaves the repository. */
function join(dir: string, written: string): string | null {
  const normal = posix.normalize(posix.join(dir || '.', written.replace(/^\/+/, '')));
  if (normal === '.') return ''; // the root directory
  return normal === '..' || normal.startsWith('../') ? null : normal;
}

/** `s` matched literally in a regular expression. */
export function escapePattern(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
