// What a CLI diff reviews: the directories the change touches and the modules they call, as
// the App scopes a pull request (app/read-revisions.ts), read from two trees in memory. The
// changed files are those whose content differs between the trees, compared file by file.
import type { Config } from '../config/schema.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import { changedPaths } from '../engine/review-files.js';
import type { PullFile } from '../github/pull-files.js';
import type { TreeReader } from '../github/trees.js';
import { readBothRevisions, readBounds } from '../app/read-revisions.js';
import { includedDirectories, touchedDirectories } from '../app/scope.js';
import { dirOf } from '../engine/hcl/config-files.js';

const BASE = 'base';
const HEAD = 'head';

/** Two revisions' files served as the App reads a repository through the API. */
function memoryTrees(revisions: ReadonlyMap<string, SourceFile[]>): TreeReader {
  return {
    read: async (shas, dirs) => new Map(shas.map((sha) => [sha, (revisions.get(sha) ?? []).filter((f) => dirs.includes(dirOf(f.path)))])),
    terraformDirs: async (sha) => [...new Set((revisions.get(sha) ?? []).map((f) => dirOf(f.path)))].sort(),
  };
}

/**
 * The part of both trees a review of their difference reads: the touched directories (files
 * in scope of `paths` / `ignore_paths` only), the local modules they call, the callers of a
 * touched directory that declares an input (with their own local modules), and the Terragrunt
 * units below a changed included file.
 */
export async function scopeToChange(
  base: SourceFile[],
  head: SourceFile[],
  config: Pick<Config, 'paths' | 'ignore_paths' | 'max_module_depth' | 'max_caller_dirs'>,
) {
  // an ignored file stays in the change: it may be a module an in-scope root calls (run.ts
  // keeps the in-scope files and the modules they call)
  const changed: PullFile[] = changedPaths(base, head).map((filename) => ({ filename, previousFilename: null, status: 'modified', patch: undefined }));
  const trees = memoryTrees(
    new Map([
      [BASE, base],
      [HEAD, head],
    ]),
  );
  const read = await readBothRevisions(trees, BASE, HEAD, touchedDirectories(changed), includedDirectories(changed), readBounds(config));
  return { base: read.base, head: read.head, dirs: read.allDirs, limits: read.limits };
}
