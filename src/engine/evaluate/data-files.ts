// Files a configuration reads through `file()` / `templatefile()` / `fileexists()` (JSON, YAML,
// CIDR lists, templates): known before plan, so a PR that changes only such a file changes what
// the configuration opens. The adapters read them from the revision (inside the repository,
// size-bounded) and hand them in beside its Terraform files; evaluation looks them up here and
// never touches a disk. A path that leaves the repository, or a file that was not read, is an
// Unknown saying why: never a guess.
import { posix } from 'node:path';
import type { SourceFile } from '../hcl/parse.js';
import { UnsupportedGlob, globPattern } from '../hcl/glob.js';
import { decodeText } from '../hcl/text.js';
import { evaluate, templateNode, type Scope } from './evaluate.js';
import { LimitError, budget } from './limits.js';
import { Ref, Unknown, byCodePoint, isObject, markSet, toStringValue, type ObjectValue, type Value } from './value.js';

/** What the reason of a value read from a file the review could not read starts with: such a value
 * hides what the rule opens behind a file the PR may control, so unresolved-value raises it. */
export const UNREAD_FILE = 'read from a file the review could not read';

/** The config key bounding the size of one data file read (the adapters apply it). */
export const DATA_FILE_BOUND = 'max_data_file_bytes';
/** Its default: 1 MiB, far above any CIDR list, far below what slows a review. */
export const DEFAULT_MAX_DATA_FILE_BYTES = 1024 * 1024;

/** A file the configuration reads, as an adapter hands it in: its text, read only when it is a
 * plain file within `maxBytes`, or why not (a link, whose target may lie outside the repository;
 * a file over the bound, which evaluation reports as an analysis limit). */
export function dataFile(path: string, entry: { size: number; link: boolean }, maxBytes: number, bytes: () => Buffer | string): SourceFile {
  if (entry.link) return { path, content: '', unreadable: 'is a symbolic link, which a file read does not follow here' };
  if (entry.size > maxBytes) return { path, content: '', unreadable: `is ${entry.size} bytes, more than ${DATA_FILE_BOUND} (${maxBytes})` };
  const read = bytes();
  return typeof read === 'string' ? { path, content: read } : { path, ...decodeText(read) };
}

let active: ReadonlyMap<string, SourceFile> = new Map();
let listed: ReadonlySet<string> = new Set();

/**
 * Runs an evaluation with the data files of its revision, by path relative to the repository,
 * and the fileset() patterns (globPattern sources) whose every match the adapters read.
 */
export function withDataFiles<T>(files: ReadonlyMap<string, SourceFile>, run: () => T, globs: ReadonlySet<string> = new Set()): T {
  const previous = [active, listed] as const;
  [active, listed] = [files, globs];
  try {
    return run();
  } finally {
    [active, listed] = previous;
  }
}

/** A path written relative to `cwd` (a directory of the repository), as a repository path; null when it leaves the repository. */
export function repositoryPath(cwd: string, written: string): string | null {
  if (written.startsWith('/') || /^[A-Za-z]:[\\/]/.test(written)) return null;
  const normal = posix.normalize(posix.join(cwd || '.', written)).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return null;
  return normal === '.' ? '' : normal;
}

/** The functions that read a file of the revision. */
const READERS = new Set(['file', 'templatefile', 'fileexists', 'fileset']);

/** Whether `name` is a function reading the revision's files (see readingFunction). */
export function isReadingFunction(name: string): boolean {
  return READERS.has(name);
}

/**
 * `fileset(dir, pattern)`: the files under `dir` that `pattern` matches, relative to `dir`, as a
 * set; known only when the pattern is one the adapters listed every match of (found in the text,
 * file-reads.ts), a match that is a link (Terraform follows it) leaves it unknown.
 */
function fileSet(dir: string, pattern: string, src: string): Value {
  let glob: RegExp;
  try {
    glob = globPattern(dir, pattern);
  } catch (e) {
    if (e instanceof UnsupportedGlob) return new Unknown(src, `${UNREAD_FILE}: fileset() pattern ${e.message}`);
    throw e;
  }
  if (!listed.has(glob.source)) return new Unknown(src, `${UNREAD_FILE}: fileset(${JSON.stringify(pattern)}) lists files the review could not foresee`);
  const matches = [...active.values()].filter((f) => glob.test(f.path));
  if (matches.some((f) => f.unreadable?.includes('symbolic link')))
    return new Unknown(src, `${UNREAD_FILE}: fileset(${JSON.stringify(pattern)}) matches a symbolic link`);
  const prefix = dir ? `${dir}/` : '';
  return markSet(matches.map((f) => f.path.slice(prefix.length)).sort(byCodePoint));
}

/**
 * `file(p)`, `templatefile(p, vars)` and `fileexists(p)` on the revision's files, with `p`
 * resolved by `resolve` (the module's working directory; null: outside the repository);
 * undefined when `name` is another function.
 */
export function readingFunction(
  name: string,
  args: Value[],
  scope: Scope,
  src: string,
  resolve: ((written: string) => string | null) | undefined,
): Value | undefined {
  if (!READERS.has(name)) return undefined;
  const unknown = args.find((a) => a instanceof Unknown);
  if (unknown) return new Unknown(src, unknown.reason, unknown.setOutside);
  const [written] = args;
  if (typeof written !== 'string') {
    const why = written instanceof Ref ? `${written.text} is known only after apply` : `${name}() needs a path`;
    return new Unknown(src, why);
  }
  const path = resolve?.(written);
  const unread = (why: string) => new Unknown(src, `${UNREAD_FILE}: ${name}(${JSON.stringify(written)}) ${why}`);
  if (path === null) return unread('reads outside the repository, which is not analysed');
  if (path === undefined) return unread('is not evaluated here');
  if (name === 'fileset') return typeof args[1] === 'string' ? fileSet(path, args[1], src) : new Unknown(src, 'fileset() needs a pattern');
  const file = active.get(path);
  if (name === 'fileexists') return file ? true : unread(`reads ${path}, which was not among the files read`);
  if (!file) return unread(`reads ${path}, which was not read (missing from the revision, or a path the review could not foresee)`);
  if (file.unreadable) {
    const reason = `${UNREAD_FILE}: ${name}(${JSON.stringify(written)}): ${path} ${file.unreadable}`;
    if (!file.unreadable.includes(DATA_FILE_BOUND)) return new Unknown(src, reason);
    // the bound is hit: reported as an analysis limit, located where the value is used
    const hit = new LimitError(DATA_FILE_BOUND, reason);
    budget().record(hit);
    return new Unknown(src, hit.message);
  }
  if (name === 'file') return file.content;
  const vars = args[1] ?? null;
  if (vars !== null && !isObject(vars)) return new Unknown(src, 'templatefile() needs an object of variables');
  return renderTemplate(file.content, vars, scope);
}

/** A template's text rendered with `vars` as its names, as templatefile() renders it. */
export function renderTemplate(text: string, vars: ObjectValue | null, scope: Scope): Value {
  const rendered = evaluate(templateNode(text), { module: scope.module, names: new Map(Object.entries(vars ?? {})) });
  return rendered instanceof Unknown || rendered instanceof Ref ? rendered : toStringValue(rendered);
}
