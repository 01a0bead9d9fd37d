// What a CLI diff reviews: the directories the change touches and the modules they call, as
// the App scopes a pull request (app/read-revisions.ts), read from two trees in memory. The
// changed files are those whose content differs between the trees, compared file by file.
import type { Config } from '../config/schema.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import { changedPaths } from '../engine/review-files.js';
import type { PullFile } from '../github/pull-files.js';
import type { TreeReader } from '../github/trees.js';
import { readBothRevisions, readBounds } from '../app/read-revisions.js';
import { includedFiles, touchedDirectories } from '../app/scope.js';
import { dirOf } from '../engine/hcl/config-files.js';
import { isReadPath } from '../engine/hcl/file-reads.js';
import { configurationReads, dataReadingDirectories, readDataFiles } from '../app/data-reads.js';
import { committedInitCaches, isManifest } from '../app/init-caches.js';

/** A manifest is read whole: one larger is read as none (terraform init installs every call again). */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const BASE = 'base';
const HEAD = 'head';

/** Reads the files other than Terraform's of one revision whose path `wanted` accepts (see TreeReader.dataFiles). */
export type DataReader = (wanted: (path: string) => boolean, maxBytes: number) => Promise<SourceFile[]>;

/** Two revisions' files served as the App reads a repository through the API. */
function memoryTrees(revisions: ReadonlyMap<string, SourceFile[]>, data: ReadonlyMap<string, SourceFile[]>): TreeReader {
  return {
    // a directory below a git submodule comes with the submodule's placeholder (submodules.ts)
    read: async (shas, dirs) =>
      new Map(
        shas.map((sha) => [
          sha,
          (revisions.get(sha) ?? []).filter((f) => dirs.includes(dirOf(f.path)) || (f.gitlink && dirs.some((d) => d.startsWith(`${dirOf(f.path)}/`)))),
        ]),
      ),
    terraformDirs: async (sha) => [...new Set((revisions.get(sha) ?? []).map((f) => dirOf(f.path)))].sort(),
    dataFiles: async (sha, wanted) => ({ files: (data.get(sha) ?? []).filter((f) => wanted(f.path)), truncated: false }),
  };
}

/**
 * The part of both trees a review of their difference reads: the touched directories (files
 * in scope of `paths` / `ignore_paths` only), the local modules they call, the callers of a
 * touched directory that declares an input or changes an output (with their own local modules), the Terragrunt
 * units below a changed included file, and the directories whose configuration reads a changed
 * file through file() (`data` reads those files; without it, none is read). `data` in the
 * answer: the files the configuration in scope reads, whatever the path filters say.
 */
export async function scopeToChange(
  base: SourceFile[],
  head: SourceFile[],
  config: Pick<Config, 'paths' | 'ignore_paths' | 'max_module_depth' | 'max_caller_dirs' | 'max_data_file_bytes' | 'var_files'>,
  data?: { base: DataReader; head: DataReader },
) {
  // an ignored file stays in the change: it may be a module an in-scope root calls (run.ts
  // keeps the in-scope files and the modules they call)
  const asChanged = (filename: string): PullFile => ({ filename, previousFilename: null, status: 'modified', patch: undefined });
  // committed init caches (`diff --git`: the directory reader's data reader skips `.terraform/`,
  // run.ts reads those from disk): a changed manifest changes its root
  const [baseManifests, headManifests] = data
    ? await Promise.all([data.base(isManifest, MAX_MANIFEST_BYTES), data.head(isManifest, MAX_MANIFEST_BYTES)])
    : [[], []];
  const changed = [...changedPaths(base, head), ...changedPaths(baseManifests, headManifests)].map(asChanged);
  // the files any configuration of the trees reads: those that changed touch their readers
  const reads = configurationReads([...base, ...head], config.var_files);
  const wanted = (p: string) => isReadPath(reads, p);
  const max = config.max_data_file_bytes;
  const [baseData, headData] = data && reads.length ? await Promise.all([data.base(wanted, max), data.head(wanted, max)]) : [[], []];
  const trees = memoryTrees(
    new Map([
      [BASE, base],
      [HEAD, head],
    ]),
    new Map([
      [BASE, baseData],
      [HEAD, headData],
    ]),
  );
  const reading = await dataReadingDirectories(trees, HEAD, changedPaths(baseData, headData).map(asChanged), config.max_caller_dirs, config.var_files);
  const dirs = [...new Set([...touchedDirectories(changed), ...reading.dirs])].sort();
  const included = [...new Set([...includedFiles(changed), ...reading.included])].sort();
  const gitlinks = new Set([...base, ...head].flatMap((f) => (f.gitlink ? [f.path] : [])));
  const bumped = changed.flatMap((f) => (gitlinks.has(f.filename) ? [dirOf(f.filename)] : []));
  const read = await readBothRevisions(trees, BASE, HEAD, dirs, included, readBounds(config), bumped);
  const caches = async (all: SourceFile[], manifests: SourceFile[], files: SourceFile[]) => {
    const cache = await committedInitCaches(
      files,
      async (wanted) => manifests.filter((f) => wanted(f.path)),
      async (dirs) => all.filter((f) => dirs.includes(dirOf(f.path)) && !files.some((r) => r.path === f.path)),
    );
    return { files: cache.files, initCache: cache.initCache };
  };
  const readData = async (sha: string, files: SourceFile[]) =>
    data ? readDataFiles(trees, sha, files, { maxBytes: max, varFiles: config.var_files }, []) : [];
  return {
    base: read.base,
    head: read.head,
    dirs: read.allDirs,
    limits: [...reading.limits, ...read.limits],
    data: { base: await readData(BASE, read.base), head: await readData(HEAD, read.head) },
    initCaches: { base: await caches(base, baseManifests, read.base), head: await caches(head, headManifests, read.head) },
  };
}
