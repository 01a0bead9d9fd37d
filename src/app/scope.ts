// Which directories a change touches, and which local modules they call.
import { localModuleDir } from '../engine/evaluate/module.js';
import { isTerragruntFile } from '../engine/evaluate/terragrunt.js';
import { dirOf, isConfigFile } from '../engine/hcl/config-files.js';
import { readJsonFile } from '../engine/hcl/json-syntax.js';
import { locateHcl } from '../engine/hcl/locate.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import { isTerraformFile } from '../engine/load.js';
import { directoryLinksInto, linksInto } from '../engine/hcl/links.js';
import { isExternalModulePath } from '../engine/modules/resolution.js';
import { unescapeBackslashes } from '../engine/modules/calls.js';
import { initCacheRoot } from '../engine/modules/init-cache.js';
import type { PullFile } from '../github/pull-files.js';
import type { TreeReader } from '../github/trees.js';
import { pathFilter } from '../config/paths.js';
import type { Config } from '../config/schema.js';

/** Directories holding a changed Terraform file (either side of a rename), and the roots whose
 * init cache changed (`<root>/.terraform/modules/`: the manifest, or a module installed there). */
export function touchedDirectories(files: PullFile[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    for (const p of [f.filename, f.previousFilename]) {
      if (p && isTerraformFile(p)) dirs.add(dirOf(p));
      const root = p ? initCacheRoot(p) : null;
      if (root !== null) dirs.add(root);
    }
  }
  return [...dirs].sort();
}

/**
 * Directories holding a Terraform link at the head whose way passes a changed file (either
 * side of a rename): the link reads its target, so a PR that changes only the target changes
 * that directory too. Links outside `inScope` are left out; a cut listing is said in `notes`.
 * So are the links to directories the change reaches (links.ts directoryLinksInto), as directories.
 */
export async function linkingDirectories(
  trees: TreeReader,
  headSha: string,
  files: PullFile[],
  inScope: (path: string) => boolean,
  notes: string[],
  maxLinkHops?: number,
): Promise<string[]> {
  if (!trees.links || !files.length) return [];
  const index = await trees.links(headSha);
  if (index.truncated)
    notes.push(
      "GitHub cut the listing of the repository's tree (too many entries): a directory whose symbolic link leads into a changed file may not have been reviewed.",
    );
  const changed = new Set(files.flatMap((f) => (f.previousFilename ? [f.filename, f.previousFilename] : [f.filename])));
  // a directory linked into place is a module, reviewed through its callers whatever the path filters say
  const linked = await directoryLinksInto(index, changed, maxLinkHops);
  return [...new Set([...(await linksInto(index, changed, maxLinkHops)).filter(inScope).map(dirOf), ...linked])].sort();
}

/** Local module directories called from these files (`source = "./…"` / `"../…"`, in JSON
 * every module block's `source`, however the file writes its blocks). */
export function calledModuleDirs(files: SourceFile[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    const sources = f.path.endsWith('.json')
      ? jsonModuleSources(f)
      : [...f.content.matchAll(/\bsource\s*=\s*"(\.\.?(?:\/|\\\\)[^"]*)"/g)].map((m) => unescapeBackslashes(m[1]!));
    for (const source of sources) {
      const dir = localModuleDir(dirOf(f.path), source);
      if (dir !== null && !dir.startsWith('..')) out.add(dir);
    }
  }
  return [...out];
}

function jsonModuleSources(f: SourceFile): unknown[] {
  if (!isConfigFile(f.path)) return [];
  const calls = (readJsonFile(f.content, false).body['module'] ?? {}) as Record<string, Record<string, unknown>[]>;
  return Object.values(calls).flatMap((decls) => decls.map((d) => d['source']));
}

/** Changed `.hcl` files, which the Terragrunt units below them (or elsewhere, by path) may include. */
export function includedFiles(files: PullFile[]): string[] {
  const paths = new Set<string>();
  for (const f of files) for (const p of [f.filename, f.previousFilename]) if (p?.endsWith('.hcl')) paths.add(p);
  return [...paths].sort();
}

/** Whether `dir` lies below one of `parents` (the root '' is above everything). */
export function isBelow(dir: string, parents: string[]): boolean {
  return parents.some((p) => dir !== p && (p === '' || dir.startsWith(`${p}/`)));
}

/** The directories above each Terragrunt unit among `files`: where the files it includes are. */
export function unitAncestors(files: SourceFile[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    if (!isTerragruntFile(f.path)) continue;
    for (let d = dirOf(f.path); d !== '';) {
      d = dirOf(d);
      out.add(d);
    }
  }
  return [...out].sort();
}

/**
 * Whether a directory declares an input (a `variable`), so that the directories calling it
 * decide what it opens. Nothing else in it says it is a root: Terraform ignores a backend in a
 * called module, and a caller's argument overrides tfvars and defaults, so a PR that adds any
 * of them to the module it widens must not stop its callers being read. A JSON file that does
 * not parse may declare one.
 */
export function declaresInput(files: SourceFile[]): boolean {
  return firstInput(files) !== null;
}

/**
 * Where a touched directory is reviewed through its callers, if it is: at its first input, or,
 * for a directory under `.terraform/` (never a root, yet read in place by a caller's local path,
 * as Terraform does), one linked into place (a directory link) or one out of scope of `paths` /
 * `ignore_paths` (`outOfScope`: never reviewed as a root), at its first file.
 */
export function callerReviewAnchor(dir: string, files: SourceFile[], outOfScope = false): { file: string; line: number } | null {
  const config = files.filter((f) => isConfigFile(f.path));
  const neverRoot = outOfScope || isExternalModulePath(`${dir}/`) || config.some((f) => f.dirLink !== undefined);
  return firstInput(config) ?? changedOutput(config) ?? (neverRoot && config[0] ? { file: config[0].path, line: 1 } : null);
}

/**
 * The first output of a directory whose Terraform differs between the two revisions (`files`
 * holds both, so an unchanged block is there twice): a module with no input still decides what
 * its callers open through its outputs (a shared "office ranges" module), and what feeds them (a
 * local, a data source) may change while the output's text stays as it was. Only a changed
 * directory: every root has outputs, and searching for callers of each would cost every review.
 */
function changedOutput(files: SourceFile[]): { file: string; line: number } | null {
  const seen = new Map<string, number>();
  const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
  // the head's files come first: the line given is the head's
  let output: { file: string; line: number } | null = null;
  for (const f of files) {
    if (!isConfigFile(f.path)) continue;
    if (f.path.endsWith('.json')) {
      count(`${f.path}\0${f.content}`);
      if (readJsonFile(f.content, false).body['output'] !== undefined) output ??= { file: f.path, line: 1 };
      continue;
    }
    const lines = f.content.split('\n');
    for (const b of locateHcl(f.content).blocks) {
      count([f.path, b.type, ...b.labels, lines.slice(b.startLine - 1, b.endLine).join('\n')].join('\0'));
      if (b.type === 'output') output ??= { file: f.path, line: b.startLine };
    }
  }
  // a block as it was and as it is: twice (or any even number of identical blocks)
  return output && [...seen.values()].some((n) => n % 2 === 1) ? output : null;
}

/** Where the first input of these files is declared (a JSON file: its first line). */
export function firstInput(files: SourceFile[]): { file: string; line: number } | null {
  for (const f of files) {
    if (!isConfigFile(f.path)) continue;
    if (!f.path.endsWith('.json')) {
      const variable = locateHcl(f.content).blocks.find((b) => b.type === 'variable');
      if (variable) return { file: f.path, line: variable.startLine };
      continue;
    }
    const { body, problem } = readJsonFile(f.content, false);
    if (problem !== null || 'variable' in body) return { file: f.path, line: 1 };
  }
  return null;
}

/**
 * The files a review reads: those in scope of `paths` / `ignore_paths`, and every file of the
 * local modules they call, a few rounds deep, wherever those lie. The globs choose what is
 * reviewed as a root; code an in-scope root calls is part of that root, so a PR cannot hide
 * what it opens in a module under an ignored directory (`examples/**`).
 */
export function inScopeWithModules<T extends SourceFile>(files: T[], config: Pick<Config, 'paths' | 'ignore_paths'>, rounds: number): T[] {
  const inScope = pathFilter(config);
  const kept = files.filter((f) => inScope(f.path));
  const dirs = new Set(kept.map((f) => dirOf(f.path)));
  for (let round = 0, added = kept; round < rounds && added.length; round++) {
    const called = new Set(calledModuleDirs(added).filter((d) => !dirs.has(d)));
    for (const d of called) dirs.add(d);
    added = files.filter((f) => called.has(dirOf(f.path)));
    kept.push(...added);
  }
  return kept;
}
