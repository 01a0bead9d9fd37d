// Source files in, model out: the first stage of the pipeline, with no I/O of its own.
import { dirOf, isConfigFile, readBy, type AppliedWith, type IgnoredFile } from './hcl/config-files.js';
import { FileParser, type ParsedFile, type SourceFile } from './hcl/parse.js';
import { isReadPath, terragruntReads } from './hcl/file-reads.js';
import { TERRAGRUNT_FILE, generatedFiles, includedFiles, isTerragruntFile, pathSet } from './evaluate/terragrunt.js';
import { isTfvars } from './evaluate/tfvars.js';
import { Budget, withBudget, type LimitHit } from './evaluate/limits.js';
import { withDataFiles } from './evaluate/data-files.js';
import { fileReads } from './hcl/file-reads.js';
import { isVarFile, varFilesOf, type VarFilesSetting } from './evaluate/var-files.js';
import { buildModel, moduleTree, type ModuleTree } from './model/build.js';
import { NO_RESOLUTIONS, type Gitlink, type ModuleResolutions } from './modules/resolution.js';
import type { Model } from './model/types.js';

/**
 * Whether a path is a file Terraform or OpenTofu reads as part of a module: every *.tf,
 * *.tf.json, *.tofu and *.tofu.json, whatever characters the name holds, except hidden ones
 * (Terraform's IsIgnoredFile); tfvars; terragrunt.hcl.
 */
export function isTerraformFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return isConfigFile(name) || isTfvars(name) || name === TERRAGRUNT_FILE || isIncludable(name);
}

/** A `.hcl` file a Terragrunt unit may include (`root.hcl`, `env.hcl`): read only when one does. */
function isIncludable(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.endsWith('.hcl') && !name.startsWith('.') && name !== TERRAGRUNT_FILE;
}

/** A revision's files, parsed, with its modules and roots: what a model is built from. */
export interface ParsedRevision {
  tree: ModuleTree;
  texts: Map<string, string>;
  ignored: IgnoredFile[];
  /** The other files given (data files the configuration reads through `file()`), by path. */
  data: Map<string, SourceFile>;
  /** The fileset() patterns whose every match is among `data` (file-reads.ts). */
  globs: Set<string>;
  /** The revision's git submodules by path. */
  gitlinks: Map<string, Gitlink>;
  /** Var files (`-var-file`) given that no root is configured to be applied with, in or under a root. */
  unappliedVarFiles: ParsedFile[];
}

/** Parses the files `tool` reads (a `.hcl` file only when a Terragrunt unit includes it). */
export async function parseRevision(
  files: SourceFile[],
  parser: FileParser = new FileParser(),
  budget: Budget = new Budget(),
  tool: AppliedWith = 'opentofu',
  varFiles: VarFilesSetting = {},
): Promise<ParsedRevision> {
  const data = new Map(files.filter((f) => !isTerraformFile(f.path) && !f.gitlink).map((f) => [f.path, f]));
  const { read: relevant, ignored } = readBy(
    files.filter((f) => isTerraformFile(f.path)),
    tool,
  );
  const parsed = await Promise.all(relevant.filter((f) => !isIncludable(f.path)).map((f) => parser.parse(f)));
  // a .hcl file may be anything (Packer, Nomad): parsed only when a unit includes it
  const includable = new Map(relevant.filter((f) => isIncludable(f.path)).map((f) => [f.path, f]));
  const exists = pathSet(relevant.map((f) => f.path));
  const globs = new Set(fileReads(relevant).flatMap((r) => (r.glob === undefined ? [] : [r.glob])));
  const included = withBudget(budget, () =>
    withDataFiles(
      data,
      () => parsed.filter((f) => isTerragruntFile(f.path)).flatMap((f) => includedFiles(f, exists).flatMap((i) => (i.path === null ? [] : [i.path]))),
      globs,
    ),
  );
  // and what units and those files read through read_terragrunt_config(), until no new file turns up
  let reads = terragruntReads(relevant.filter((f) => isTerragruntFile(f.path)));
  const named = new Set(included);
  for (let wanted = [...includable.values()].filter((f) => named.has(f.path) || isReadPath(reads, f.path)); wanted.length;) {
    for (const f of wanted) includable.delete(f.path);
    parsed.push(...(await Promise.all(wanted.map((f) => parser.parse(f)))));
    reads = terragruntReads(wanted);
    wanted = [...includable.values()].filter((f) => isReadPath(reads, f.path));
  }
  // what each unit's generate blocks write (a variables.tf the module's code relies on)
  const generated = new Map<string, ParsedFile[]>();
  const units = { files: new Map(parsed.map((f) => [f.path, f])), exists };
  for (const unit of parsed.filter((f) => isTerragruntFile(f.path))) {
    const written = withBudget(budget, () => withDataFiles(data, () => generatedFiles(unit, units)));
    const files = (await Promise.all(written.map((f) => parser.parse(f)))).filter((f) => !f.error);
    if (files.length) generated.set(unit.path, files);
  }
  const tree = withBudget(budget, () => withDataFiles(data, () => moduleTree(parsed, generated), globs));
  // each root's var files, after its automatic tfvars; one the revision lacks is unreadable (its values unknown)
  const applied = new Set<string>();
  for (const root of tree.roots) {
    const paths = varFilesOf(varFiles, root);
    for (const p of paths) applied.add(p);
    const files = await Promise.all(paths.map((p) => parser.parse(data.get(p) ?? { path: p, content: '', unreadable: 'is not in this revision' })));
    if (files.length) tree.sources.get(root)!.addVarFiles(files);
  }
  const underRoot = (p: string) => tree.roots.some((r) => r === '' || p.startsWith(`${r}/`));
  const unapplied = [...data.values()].filter((f) => isVarFile(f.path) && !applied.has(f.path) && underRoot(f.path));
  const unappliedVarFiles = await Promise.all(unapplied.map((f) => parser.parse(f)));
  const gitlinks = new Map(files.flatMap((f) => (f.gitlink ? [[dirOf(f.path), f.gitlink] as const] : [])));
  return { tree, texts: new Map(relevant.map((f) => [f.path, f.content])), ignored, data, globs, gitlinks, unappliedVarFiles };
}

/** Models a parsed revision; evaluation runs against `budget` (its bounds and clock), whose hits
 * the model lists; `aloneDirs` and `labelRoots`: see buildModel. */
export function modelRevision(
  revision: ParsedRevision,
  budget: Budget = new Budget(),
  modules: ModuleResolutions = NO_RESOLUTIONS,
  aloneDirs: ReadonlySet<string> = new Set(),
  labelRoots = revision.tree.roots.length > 1,
): Model {
  const model = withBudget(budget, () =>
    withDataFiles(
      revision.data,
      () => buildModel(revision.tree, { ...modules, gitlinks: revision.gitlinks }, revision.texts, aloneDirs, labelRoots),
      revision.globs,
    ),
  );
  model.limits = locateHits(budget.hits, model);
  model.ignoredFiles = revision.ignored;
  model.unappliedVarFiles = revision.unappliedVarFiles;
  return model;
}

/** Models the files of one revision on their own (parseRevision, then modelRevision), as `tool` reads them. */
export async function loadModel(
  files: SourceFile[],
  parser: FileParser = new FileParser(),
  budget: Budget = new Budget(),
  modules: ModuleResolutions = NO_RESOLUTIONS,
  aloneDirs: ReadonlySet<string> = new Set(),
  tool: AppliedWith = 'opentofu',
): Promise<Model> {
  return modelRevision(await parseRevision(files, parser, budget, tool), budget, modules, aloneDirs);
}

/** Each hit where the model saw its Unknown (a rule, a count): several places, or none (file null). */
function locateHits(hits: LimitHit[], model: Model): LimitHit[] {
  const out: LimitHit[] = [];
  for (const hit of hits) {
    const seen = new Set<string>();
    const places = [
      ...model.unknowns.map((u) => ({ reasons: [u.reason], location: u.location })),
      ...model.rules.map((r) => ({ reasons: [r.unresolved ?? '', r.peer.type === 'unresolved' ? r.peer.reason : ''], location: r.location })),
    ];
    for (const { reasons, location } of places) {
      const key = `${location.file}\0${location.startLine}`;
      if (!reasons.some((r) => r.includes(hit.reason)) || seen.has(key)) continue;
      seen.add(key);
      out.push({ ...hit, file: location.file, line: location.startLine });
    }
    if (!seen.size) out.push(hit);
  }
  return out;
}
