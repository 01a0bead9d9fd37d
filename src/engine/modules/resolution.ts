// Where the code of each non-local module call was found, or why it was not: the engine's
// input from the adapters that read the init cache, GitHub and registries.

export const MODULE_ORIGINS = ['local', 'init cache', 'github', 'registry'] as const;
export type ModuleOrigin = (typeof MODULE_ORIGINS)[number];

export type ModuleResolution =
  | {
      /** The module's directory among the analysed files. */
      dir: string;
      how: ModuleOrigin;
      /** The registry version chosen, or the Git ref read. */
      version: string | null;
      /** Said in the summary (a default branch read for a source without `ref`). */
      note?: string;
    }
  | {
      dir: null;
      reason: string;
      /** The commit an unread git submodule records: a bump is a change of the call. */
      version?: string;
    };

/** A git submodule (gitlink) of the tree: the commit it records, and why it was not read (null: read). */
export interface Gitlink {
  commit: string;
  /** Its `url` in `.gitmodules`, when declared there. */
  url: string | null;
  unread: string | null;
}

export interface ModuleResolutions {
  /** Remote modules by `callKey(source, version)`. */
  remote: Map<string, ModuleResolution>;
  /** `.terraform/modules/modules.json` of root directories: root dir → key (`a.b`) → module. */
  initCache: Map<string, Map<string, InitRecord>>;
  /** Git submodules of the revision by path (set by the engine from the files read). */
  gitlinks?: ReadonlyMap<string, Gitlink>;
}

/**
 * A record of `.terraform/modules/modules.json`: Terraform loads a call from `dir` whenever the
 * record's source is the call's and its version meets the call's constraint, whatever the
 * source (a local path too) and wherever `dir` lies (see initCacheRecord in evaluate/module.ts).
 */
export interface InitRecord {
  dir: string;
  version: string | null;
  /** The record's `Source`; null in a cache written before it was kept (read for any source). */
  source: string | null;
  /** Why `dir` is not read (an absolute path: the runner's files, never read). */
  unread?: string;
}

export const NO_RESOLUTIONS: ModuleResolutions = { remote: new Map(), initCache: new Map() };

/** A module the review could not read, with the reason the reviewer is told. */
export class ModuleReadError extends Error {}

/** Directories under which module code read from outside the repository is placed. */
export const REMOTE_MODULE_ROOT = '.sg-review-modules';

/** Whether a path lies in module code that is not the repository's own (never a root). */
export function isExternalModulePath(path: string): boolean {
  return path.startsWith(`${REMOTE_MODULE_ROOT}/`) || /(^|\/)\.terraform\//.test(path);
}
