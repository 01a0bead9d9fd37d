// Committed init caches (`<root>/.terraform/modules/modules.json`) of the directories a review
// reads, read the way the CLI's directory reader reads them (adapters/module-dirs.ts): what
// Terraform loads on a checkout of the revision. The App and `diff --git` read them through
// their trees; each record's directory is read with them.
import { posix } from 'node:path';
import { dirOf } from '../engine/hcl/config-files.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import { MANIFEST, initCacheRecords } from '../engine/modules/init-cache.js';
import type { ModuleResolutions } from '../engine/modules/resolution.js';
import type { TreeReader } from '../github/trees.js';

/** Whether a path is a root's manifest. */
export const isManifest = (path: string): boolean => path === MANIFEST || path.endsWith(`/${MANIFEST}`);

/** One revision's committed init caches, and the files of the directories their records name. */
export interface CommittedInitCaches {
  manifests: SourceFile[];
  files: SourceFile[];
  initCache: ModuleResolutions['initCache'];
}

/**
 * The init caches of the directories of `read` (one revision): `readManifests` reads the
 * manifests a predicate accepts, `readDirs` the record directories (one level each).
 */
export async function committedInitCaches(
  read: SourceFile[],
  readManifests: (wanted: (path: string) => boolean) => Promise<SourceFile[]>,
  readDirs: (dirs: string[]) => Promise<SourceFile[]>,
): Promise<CommittedInitCaches> {
  const dirs = new Set(read.map((f) => dirOf(f.path)));
  const manifests = await readManifests((p) => isManifest(p) && dirs.has(rootOf(p)));
  const initCache: ModuleResolutions['initCache'] = new Map();
  for (const m of manifests) {
    const keys = m.unreadable === undefined ? initCacheRecords(rootOf(m.path), m.content) : null;
    if (keys) initCache.set(rootOf(m.path), keys);
  }
  const wanted = [...new Set([...initCache.values()].flatMap((keys) => [...keys.values()].flatMap((r) => (r.unread ? [] : [r.dir]))))].sort();
  return { manifests, files: wanted.length ? await readDirs(wanted) : [], initCache };
}

/** The root directory of a manifest path. */
function rootOf(manifest: string): string {
  const root = posix.dirname(posix.dirname(posix.dirname(manifest)));
  return root === '.' ? '' : root;
}

const NONE: CommittedInitCaches = { manifests: [], files: [], initCache: new Map() };

/**
 * Both revisions' committed init caches through a review's trees. The base's are read when the
 * head commits one among the directories read, or the change touches one (a deleted manifest):
 * otherwise neither revision has any, and no request is sent.
 */
export async function readCommittedInitCaches(
  trees: TreeReader,
  shas: { base: string; head: string },
  read: { base: SourceFile[]; head: SourceFile[] },
  maxBytes: number,
  manifestChanged: boolean,
): Promise<{ base: CommittedInitCaches; head: CommittedInitCaches }> {
  const { dataFiles } = trees;
  if (!dataFiles) return { base: NONE, head: NONE };
  const at = (sha: string, files: SourceFile[]) =>
    committedInitCaches(
      files,
      async (wanted) => (await dataFiles(sha, wanted, maxBytes)).files,
      async (dirs) => (await trees.read([sha], dirs)).get(sha) ?? [],
    );
  const head = await at(shas.head, read.head);
  return { base: head.manifests.length || manifestChanged ? await at(shas.base, read.base) : NONE, head };
}
