// Files in, review out: models both revisions with one parser, so files the two revisions
// share are parsed once.
import { Budget, type LimitHit } from './evaluate/limits.js';
import { limitsOf, type ReviewSettings } from './settings.js';
import { dirOf, type AppliedWith } from './hcl/config-files.js';
import { FileParser, type HclToJson, type SourceFile } from './hcl/parse.js';
import { loadModel, modelRevision, parseRevision } from './load.js';
import type { ModuleTree } from './model/build.js';
import { NO_RESOLUTIONS, type ModuleResolutions } from './modules/resolution.js';
import { bothReadings, terraformReading } from './readings.js';
import { review, type ReviewOptions } from './review.js';
import type { ReviewResult } from './result.js';
import { readableBase, withStandIns } from './unread-base.js';

/** Where each revision's non-local module calls were found (init cache, registry, GitHub). */
export interface RevisionModules {
  base: ModuleResolutions;
  head: ModuleResolutions;
}

/** What a review of files takes besides ReviewOptions: a hook for measurements (see FileParser). */
export interface ReviewFilesOptions extends ReviewOptions {
  onParsed?: () => void;
}

export async function reviewFiles(
  base: SourceFile[],
  head: SourceFile[],
  config: ReviewSettings,
  toJson?: HclToJson,
  modules: RevisionModules = { base: NO_RESOLUTIONS, head: NO_RESOLUTIONS },
  options: ReviewFilesOptions = {},
): Promise<ReviewResult> {
  const limits = limitsOf(config);
  const parser = new FileParser(toJson, limits.maxDepth, options.onParsed, config.max_hcl1_statement_lines);
  // one clock for the review: base and head (and both readings) share its time budget
  const started = Date.now();
  // once: a reading of part of the files (the Terraform one below) changes those of these paths
  const changedFiles = changedPaths(base, head);
  const as = (tool: AppliedWith, b = base, h = head, changed = changedFiles, labelRoots = false) =>
    reviewAs(tool, b, h, changed, config, parser, started, modules, options, labelRoots);
  if (config.applied_with) return (await as(config.applied_with)).result;
  const asOpenTofu = await as('opentofu');
  const reads = terraformReading(base, head, changedFiles, asOpenTofu.trees);
  // unset, and the change reaches no .tofu file: both tools read the same files for it
  if (!reads) return { ...asOpenTofu.result, ignoredFiles: [] };
  // the Terraform reading of what the change reaches, its roots' addresses labelled as in the other
  const asTerraform = await as(
    'terraform',
    base.filter((f) => reads(f.path)),
    head.filter((f) => reads(f.path)),
    changedFiles.filter(reads),
    asOpenTofu.labelRoots,
  );
  return bothReadings(asOpenTofu.result, asTerraform.result, config.fail_on);
}

/** The review of the files `tool` reads, and the trees of both revisions it read. */
async function reviewAs(
  tool: AppliedWith,
  base: SourceFile[],
  head: SourceFile[],
  /** The paths that differ between `base` and `head` (changedPaths). */
  changedFiles: string[],
  config: ReviewSettings,
  parser: FileParser,
  started: number,
  modules: RevisionModules,
  options: ReviewFilesOptions,
  /** Label the roots' addresses with their directories whatever this reading's roots are. */
  labelAlways: boolean,
): Promise<{ result: ReviewResult; trees: ModuleTree[]; labelRoots: boolean }> {
  const limits = limitsOf(config);
  const changed = new Set(changedFiles.map((p) => dirOf(p)));
  const budgets = [new Budget(limits, started), new Budget(limits, started)] as const;
  const stood = await readableBase(base, head, parser);
  const [before, after] = await Promise.all([
    parseRevision(stood.files, parser, budgets[0], tool, config.var_files),
    parseRevision(head, parser, budgets[1], tool, config.var_files),
  ]);
  // A root that the other revision calls as a module (a module repository's top directory when
  // an example calling it is added or deleted) keeps its own state: it is modelled on its own
  // at that revision too, and a caller's instance of it (`module.x.…`) is another state.
  const calledAtHead = calledElsewhere(before.tree, after.tree);
  const calledAtBase = calledElsewhere(after.tree, before.tree);
  // One rule for both revisions: a root's addresses carry its directory when either revision
  // has several roots (or a root is called at the other), so adding or deleting a directory
  // leaves the others' groups as they were.
  const labelRoots = labelAlways || before.tree.roots.length > 1 || after.tree.roots.length > 1 || calledAtHead.length > 0 || calledAtBase.length > 0;
  const baseModel = modelRevision(before, budgets[0], modules.base, new Set([...changed, ...calledAtBase]), labelRoots);
  const headModel = modelRevision(after, budgets[1], modules.head, new Set([...changed, ...calledAtHead]), labelRoots);
  // a root with no file left at the head: its groups stay in AWS (review.ts unmanagedRoots)
  const headDirs = new Set(head.map((f) => dirOf(f.path)));
  const deletedRoots = before.tree.roots.filter((d) => !headDirs.has(d)).map((dir) => ({ dir, label: labelRoots ? dir || '.' : null }));
  const unreadDirs = head.flatMap((f) => (f.gitlink?.unread ? [dirOf(f.path)] : []));
  return {
    result: withStandIns(review(baseModel, headModel, config, { ...options, deletedRoots, changedFiles, unreadDirs }), stood.standIns),
    trees: [before.tree, after.tree],
    labelRoots,
  };
}

/** The roots of one revision that the other has as a module only its callers reach. */
function calledElsewhere(one: ModuleTree, other: ModuleTree): string[] {
  return one.roots.filter((d) => other.dirs.includes(d) && !other.roots.includes(d));
}

/** The paths of the files added, removed or changed between the revisions (an unreadable file by its bytes). */
export function changedPaths(base: SourceFile[], head: SourceFile[]): string[] {
  const identity = (f: SourceFile) => (f.blob === undefined ? f.content : `\0${f.blob}`);
  const before = new Map(base.map((f) => [f.path, identity(f)]));
  const after = new Map(head.map((f) => [f.path, identity(f)]));
  return [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p)).sort();
}

/**
 * The review of a change whose analysis was stopped from outside (killed past its time budget,
 * out of memory): nothing is known of the head, so one `analysis-limit` finding, never a pass.
 */
export async function stoppedReview(head: SourceFile[], config: ReviewSettings, hit: LimitHit, options: ReviewOptions = {}): Promise<ReviewResult> {
  const empty = await loadModel([]);
  return review(empty, { ...empty, files: head.map((f) => f.path), limits: [hit] }, config, options);
}
