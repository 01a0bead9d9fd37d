// Which directories of a tree are Terraform modules, and which of them are roots.
import { dirOf, isConfigFile } from '../hcl/config-files.js';
import type { ParsedFile } from '../hcl/parse.js';
import { ModuleSource } from '../evaluate/module-source.js';
import { localModuleDir } from '../evaluate/module.js';
import { isTerragruntFile, pathSet } from '../evaluate/terragrunt.js';

/** The directories that hold configuration files (.tf, .tofu, and their .json forms) ('' is the tree's root), with their files. */
export function moduleSources(files: ParsedFile[], generated: ReadonlyMap<string, ParsedFile[]> = new Map()): Map<string, ModuleSource> {
  const byDir = new Map<string, ParsedFile[]>();
  for (const f of files) {
    const key = dirOf(f.path);
    if (!byDir.has(key)) byDir.set(key, []);
    byDir.get(key)!.push(f);
  }
  const sources = new Map<string, ModuleSource>();
  const tree = { files: new Map(files.map((f) => [f.path, f])), exists: pathSet(files.map((f) => f.path)), generated };
  for (const [dir, list] of byDir) {
    if (list.some((f) => isConfigFile(f.path) || isTerragruntFile(f.path))) sources.set(dir, new ModuleSource(dir, list, tree));
  }
  return sources;
}

/**
 * Roots are the directories no other directory calls as a local module; a directory that is
 * only reached through a call is modelled through that call, with its arguments.
 */
export function rootDirs(sources: Map<string, ModuleSource>): string[] {
  const called = new Set<string>();
  for (const source of sources.values()) {
    for (const call of source.calls.values()) {
      const dir = localModuleDir(source.dir, call.body['source']);
      if (dir !== null) called.add(dir);
    }
  }
  return [...sources.keys()].sort().filter((d) => !called.has(d));
}

/**
 * The directory an address is labelled with when a tree has several roots (`envs/v1.2:aws_x.y`),
 * null for an unlabelled address. An unlabelled address holds a colon only inside an instance
 * key (`module.a["x:y"]`), after a bracket or quote, so a label is what comes before the first
 * colon with neither in front of it (a directory named with a bracket, quote or colon is not told apart).
 */
export function rootLabelOf(address: string): string | null {
  return /^([^:"[\]]*):/.exec(address)?.[1] ?? null;
}
