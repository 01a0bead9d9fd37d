// Builds the model of a configuration: every security group, rule and attachment, evaluated
// statically and located in the source.
import { mergeOverrides } from '../hcl/override.js';
import type { ParsedFile } from '../hcl/parse.js';
import { ModuleInstance, type ModuleDiagnostics } from '../evaluate/module.js';
import { NO_RESOLUTIONS, isExternalModulePath, type ModuleResolutions } from '../modules/resolution.js';
import { Extraction } from './extract/context.js';
import { addModule, collectShared } from './extract/resource.js';
import { aliasImportedGroups } from './imported-groups.js';
import { placeInDefaultGroup } from './default-group.js';
import { applyInterfaceLinks } from './interface-links.js';
import { sortBySource } from './order.js';
import { moduleSources, rootDirs } from './roots.js';
import type { ModuleSource } from '../evaluate/module-source.js';
import { parseSuppressions } from './suppressions.js';
import type { Model } from './types.js';

/** A revision's modules: the files with overrides merged, each directory's module, and the roots. */
export interface ModuleTree {
  files: ParsedFile[];
  overridden: ReturnType<typeof mergeOverrides>;
  sources: Map<string, ModuleSource>;
  /** Directories of the repository's own code (module code from outside it is never a root). */
  dirs: string[];
  roots: string[];
}

export function moduleTree(files: ParsedFile[], generated: ReadonlyMap<string, ParsedFile[]> = new Map()): ModuleTree {
  const overridden = mergeOverrides(files);
  const sources = moduleSources(overridden.files, generated);
  const dirs = [...sources.keys()].sort().filter((d) => !isExternalModulePath(`${d}/`));
  return { files, overridden, sources, dirs, roots: rootDirs(sources).filter((d) => dirs.includes(d)) };
}

/** Builds the model of every module of the tree; `texts` (content by path) gives the text of
 * suppressed blocks; `aloneDirs`, the modules also modelled on their own (those the change touched,
 * and a root of the other revision);
 * `labelRoots`, whether the roots' addresses carry their directory (see below). */
export function buildModel(
  tree: ModuleTree,
  resolutions: ModuleResolutions = NO_RESOLUTIONS,
  texts: ReadonlyMap<string, string> = new Map(),
  aloneDirs: ReadonlySet<string> = new Set(),
  labelRoots = tree.roots.length > 1,
): Model {
  const { files, overridden, sources, dirs, roots } = tree;
  const reader = { read: (dir: string) => sources.get(dir) ?? null, resolutions };
  const diagnostics: ModuleDiagnostics = { external: [], calls: [], setByCallers: [] };
  const extraction = new Extraction();

  // Several roots in one tree (stacks, examples) may use the same addresses: qualify them
  // with the root's directory so their groups are not merged. Whether they are is decided for
  // both revisions of a review at once (review-files.ts): a root's addresses must not change
  // because the change added or deleted another root.
  const label = (dir: string) => (labelRoots || !roots.includes(dir) ? dir || '.' : null);
  const visited = new Set<string>();
  // every instance is walked first: a rule may read what another module declares (a prefix list)
  const instances: ModuleInstance[] = [];
  const run = (dir: string) => {
    const root = new ModuleInstance(sources.get(dir)!, '', reader, diagnostics, null, [], label(dir));
    for (const instance of root.walk()) {
      visited.add(instance.source.dir);
      instances.push(instance);
    }
  };
  for (const dir of roots) run(dir);
  // A changed module is also modelled on its own, as a root: its callers (a module
  // repository's examples) may leave a flag off, and the module opens what it opens under any
  // input it accepts. Findings its callers also reach are reported once (review.ts).
  const standalone = dirs.filter((d) => aloneDirs.has(d) && visited.has(d) && !roots.includes(d));
  // directories reached by no call that expanded (count = 0, cycles): model them on their own
  for (const dir of dirs) if (!visited.has(dir)) run(dir);
  for (const dir of standalone) run(dir);
  for (const instance of instances) collectShared(extraction, instance);
  for (const instance of instances) addModule(extraction, instance);
  aliasImportedGroups(extraction.model, extraction.importedGroups);

  const model = extraction.model;
  if (extraction.importedGroups.size) model.importedGroups = Object.fromEntries(extraction.importedGroups);
  model.inputs = [...sources.values()].flatMap((s) => s.inputs);
  sortBySource(model);
  placeInDefaultGroup(model);
  applyInterfaceLinks(model);
  model.files = files.map((f) => f.path).sort();
  model.parseErrors = [...files.flatMap((f) => (f.error ? [f.error] : [])), ...overridden.errors];
  model.externalModules = diagnostics.external;
  model.moduleCalls = diagnostics.calls;
  model.suppressions = parseSuppressions(files, texts);
  model.standaloneModules = standalone.map((d) => label(d)!);
  model.setByCallers = diagnostics.setByCallers;
  return model;
}
