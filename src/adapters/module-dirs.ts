// What the CLI reads besides the directory it was given: local modules its calls reach
// outside it (`../modules/sg`, as Terraform follows them), and the modules `terraform init`
// installed (`.terraform/modules/modules.json`: key `a.b` → directory). `.terraform/` itself is
// never a root; it is read only through modules.json.
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { dirOf } from '../engine/hcl/config-files.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import { readTerraformDir } from './files.js';
import { localModuleDir } from '../engine/evaluate/module.js';
import { DEFAULT_LIMITS } from '../engine/evaluate/limits.js';
import { MAX_LINK_HOPS } from '../engine/hcl/links.js';
import { moduleCallsIn } from '../engine/modules/calls.js';
import type { ModuleResolutions } from '../engine/modules/resolution.js';
import { MANIFEST, initCacheRecords } from '../engine/modules/init-cache.js';

/** Adds the local modules that `files` call outside the tree (paths like `../modules/sg/main.tf`),
 * as deep as the engine follows module calls (it reports a deeper call). */
export async function readOutsideModules(
  root: string,
  files: SourceFile[],
  maxLinkHops = MAX_LINK_HOPS,
  maxModuleDepth = DEFAULT_LIMITS.maxModuleDepth,
): Promise<SourceFile[]> {
  const out = [...files];
  const seen = new Set(files.map((f) => dirOf(f.path)));
  let pending = files;
  for (let round = 0; round < maxModuleDepth && pending.length; round++) {
    const dirs = new Set<string>();
    for (const f of pending)
      for (const call of moduleCallsIn(f.path, f.content)) {
        const dir = localModuleDir(dirOf(f.path), call.source);
        if (dir !== null && !seen.has(dir)) dirs.add(dir);
      }
    pending = [];
    for (const dir of dirs) {
      seen.add(dir);
      pending.push(...(await readTerraformDir(root, dir, maxLinkHops)));
    }
    out.push(...pending);
  }
  return out;
}

/**
 * Reads `.terraform/modules/modules.json` of every directory of the tree that has one, and the
 * directories its records name (engine/modules/init-cache.ts says how a manifest is read).
 */
export async function readInitCaches(
  root: string,
  files: SourceFile[],
  maxLinkHops = MAX_LINK_HOPS,
): Promise<{ files: SourceFile[]; initCache: ModuleResolutions['initCache'] }> {
  const initCache: ModuleResolutions['initCache'] = new Map();
  const out: SourceFile[] = [];
  for (const dir of [...new Set(files.map((f) => dirOf(f.path)))].sort()) {
    const text = await readFile(join(root, posix.join(dir, MANIFEST)), 'utf8').catch(() => null);
    const keys = text === null ? null : initCacheRecords(dir, text);
    if (!keys) continue;
    for (const record of keys.values()) if (!record.unread) out.push(...(await readTerraformDir(root, record.dir, maxLinkHops)));
    initCache.set(dir, keys);
  }
  return { files: [...new Map(out.map((f) => [f.path, f])).values()], initCache };
}

/**
 * The init cache of a checkout of the head (`pr --local`), for both revisions: the base uses
 * an entry only where its call is the head's (same source and version constraint), so a call
 * the pull request changes is never read with the other revision's module code.
 */
export async function readCheckoutInitCaches(
  root: string,
  base: SourceFile[],
  head: SourceFile[],
): Promise<{ files: SourceFile[]; base: ModuleResolutions['initCache']; head: ModuleResolutions['initCache'] }> {
  const cache = await readInitCaches(root, head);
  const calls = (files: SourceFile[]) => {
    const byDir = new Map<string, Map<string, string>>();
    for (const f of files) {
      const dir = dirOf(f.path);
      if (!byDir.has(dir)) byDir.set(dir, new Map());
      for (const c of moduleCallsIn(f.path, f.content)) byDir.get(dir)!.set(c.name, `${c.source}\0${c.version}`);
    }
    return byDir;
  };
  const [atBase, atHead] = [calls(base), calls(head)];
  const baseCache: ModuleResolutions['initCache'] = new Map();
  for (const [dir, keys] of cache.initCache) {
    const same = ([key]: [string, unknown]) => {
      const top = key.split('.')[0]!;
      const call = atHead.get(dir)?.get(top);
      return call !== undefined && atBase.get(dir)?.get(top) === call;
    };
    baseCache.set(dir, new Map([...keys].filter(same)));
  }
  return { files: cache.files, base: baseCache, head: cache.initCache };
}
