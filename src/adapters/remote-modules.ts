// Reads the code of remote module calls (registry and GitHub sources) before the analysis,
// within bounds, and tells the engine where each landed or why it could not be read.
// Repository trees are cached per (reader scope, repository, ref, directory): a registry version
// or a commit is immutable, so a second review of the same module costs no request; branch
// refs are kept only briefly. The scope keeps one installation's private code from another's.
import { posix } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';
import type { SourceFile } from '../engine/hcl/parse.js';
import { callKey, moduleCallsIn, type CallSite } from '../engine/modules/calls.js';
import { ModuleReadError, REMOTE_MODULE_ROOT, type ModuleResolution } from '../engine/modules/resolution.js';
import { parseSourceAddress, registryName } from '../engine/modules/source-address.js';
import type { ModuleTreeReader } from '../github/module-files.js';
import type { RegistryClient } from './module-registry.js';

export interface ModuleBounds {
  /** Remote modules read per review. */
  maxModules: number;
  /** Bytes of remote module code per review. */
  maxBytes: number;
  /** Time for all remote module reads of a review. */
  timeoutMs: number;
}

export const DEFAULT_MODULE_BOUNDS: ModuleBounds = { maxModules: 25, maxBytes: 4_000_000, timeoutMs: 60_000 };

/** The modules and bytes one review read from other repositories, against its bounds: shared by
 * the registry and GitHub sources and the git submodules the App reads (app/submodules.ts). */
export class ModuleBudget {
  #modules = 0;
  #bytes = 0;
  constructor(readonly bounds: ModuleBounds) {}

  /** One more module read; past `maxModules` a ModuleReadError saying so. */
  count(): void {
    if (++this.#modules > this.bounds.maxModules)
      throw new ModuleReadError(`more than ${this.bounds.maxModules} remote modules in one review (bound: modules.max_count or SG_REVIEW_MODULE_MAX_COUNT)`);
  }

  /** `bytes` of `name`'s code read; past `maxBytes` a ModuleReadError saying so, and nothing spent. */
  spend(name: string, bytes: number): void {
    if (this.#bytes + bytes > this.bounds.maxBytes)
      throw new ModuleReadError(
        `${name} is ${Math.ceil(bytes / 1024)} KB, over the ${Math.round(this.bounds.maxBytes / 1024)} KB of module code read per review (bound: modules.max_bytes or SG_REVIEW_MODULE_MAX_BYTES)`,
      );
    this.#bytes += bytes;
  }
}

/** Module-call nesting followed inside remote modules. */
const MAX_ROUNDS = 4;
const BRANCH_TTL_MS = 5 * 60_000;

interface Tree {
  files: SourceFile[];
  bytes: number;
}

export class RemoteModuleCache {
  readonly trees: LRUCache<string, Tree>;
  constructor(maxBytes = 64_000_000) {
    this.trees = new LRUCache<string, Tree>({ maxSize: maxBytes, sizeCalculation: (t) => Math.max(1, t.bytes) });
  }
}

export interface RemoteModuleDeps {
  registry: RegistryClient;
  read: ModuleTreeReader;
  cache: RemoteModuleCache;
  /** Who reads (an installation id): cached trees are never shared across scopes. */
  scope: string;
  bounds: ModuleBounds;
  /** What the review read from other repositories already (the App's submodules); default none. */
  budget?: ModuleBudget;
  /** Null when a module repository may be read, otherwise why not (the App: its visibility). */
  gate?: (repo: { owner: string; repo: string }) => Promise<string | null>;
}

export interface RemoteModules {
  /** Module code to add to the analysed files (under REMOTE_MODULE_ROOT). */
  files: SourceFile[];
  resolutions: Map<string, ModuleResolution>;
}

/** Reads every remote module the given files call, and the modules those call. */
export async function readRemoteModules(sources: SourceFile[], deps: RemoteModuleDeps): Promise<RemoteModules> {
  const resolutions = new Map<string, ModuleResolution>();
  const files = new Map<string, SourceFile>();
  const budget = deps.budget ?? new ModuleBudget(deps.bounds);
  const deadline = Date.now() + deps.bounds.timeoutMs;
  let pending = remoteCalls(sources);
  for (let round = 0; round < MAX_ROUNDS && pending.length; round++) {
    const found: SourceFile[] = [];
    for (const call of pending) {
      const key = callKey(call.source, call.version);
      if (resolutions.has(key)) continue;
      try {
        const read = await withinDeadline(readOne(call, deps, budget), deadline, deps.bounds.timeoutMs);
        resolutions.set(key, read.resolution);
        for (const f of read.files) {
          if (!files.has(f.path)) found.push(f);
          files.set(f.path, f);
        }
      } catch (e) {
        if (!(e instanceof ModuleReadError)) throw e;
        resolutions.set(key, { dir: null, reason: e.message });
      }
    }
    pending = remoteCalls(found).filter((c) => !resolutions.has(callKey(c.source, c.version)));
  }
  for (const c of pending)
    resolutions.set(callKey(c.source, c.version), { dir: null, reason: `modules nested more than ${MAX_ROUNDS} levels deep are not read` });
  return { files: [...files.values()], resolutions };
}

function remoteCalls(files: SourceFile[]): CallSite[] {
  const seen = new Set<string>();
  // every file, a .tf its .tofu twin shadows too: the Terraform reading of a review calls it
  return files
    .flatMap((f) => moduleCallsIn(f.path, f.content))
    .filter((c) => parseSourceAddress(c.source).kind !== 'local')
    .filter((c) => {
      const k = callKey(c.source, c.version);
      return seen.has(k) ? false : (seen.add(k), true);
    });
}

async function readOne(call: CallSite, deps: RemoteModuleDeps, budget: ModuleBudget): Promise<{ resolution: ModuleResolution; files: SourceFile[] }> {
  const address = parseSourceAddress(call.source);
  if (address.kind === 'other') throw new ModuleReadError(address.reason);
  if (address.kind === 'local') throw new ModuleReadError('a local path');
  budget.count();
  let repo: { owner: string; repo: string };
  let ref: string | null;
  let subdir: string;
  let version: string | null;
  let immutable: boolean;
  if (address.kind === 'registry') {
    const resolved = await deps.registry.resolve(address, call.version);
    const location = parseSourceAddress(resolved.location);
    if (location.kind !== 'github')
      throw new ModuleReadError(`the registry serves ${registryName(address)} ${resolved.version} from outside GitHub, which is not read`);
    repo = { owner: location.owner, repo: location.repo };
    ref = location.ref;
    subdir = repoDir(posix.join(location.subdir, address.subdir));
    version = resolved.version;
    immutable = true;
  } else {
    repo = { owner: address.owner, repo: address.repo };
    ref = address.ref;
    subdir = address.subdir;
    version = ref;
    immutable = ref !== null && /^[0-9a-f]{40}$/.test(ref);
  }
  // before the cache: a tree another review could read may be refused to this one
  const refused = await deps.gate?.(repo);
  if (refused) throw new ModuleReadError(refused);
  const key = `${deps.scope}\0${repo.owner}/${repo.repo}@${ref ?? ''}\0${subdir}`;
  let tree = deps.cache.trees.get(key);
  if (!tree) {
    tree = await readTree(deps.read, repo, ref, subdir);
    deps.cache.trees.set(key, tree, immutable ? {} : { ttl: BRANCH_TTL_MS });
  }
  const name = `${repo.owner}/${repo.repo}${subdir ? `//${subdir}` : ''}`;
  if (!tree.files.some((f) => posix.dirname(f.path) === (subdir || '.')))
    throw new ModuleReadError(`${name} has no Terraform files at ${ref ?? 'the default branch'} (missing ref or directory)`);
  budget.spend(name, tree.bytes);
  const prefix = `${REMOTE_MODULE_ROOT}/github.com/${repo.owner}/${repo.repo}@${encodeURIComponent(ref ?? 'HEAD')}`;
  return {
    resolution: {
      dir: subdir ? `${prefix}/${subdir}` : prefix,
      how: address.kind === 'registry' ? 'registry' : 'github',
      version,
      ...(ref === null ? { note: 'no ref given: the default branch was read' } : {}),
    },
    files: tree.files.map((f) => ({ path: `${prefix}/${f.path}`, content: f.content })),
  };
}

/** The module directory and the local modules it calls inside the same repository. */
async function readTree(read: ModuleTreeReader, repo: { owner: string; repo: string }, ref: string | null, subdir: string): Promise<Tree> {
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  let dirs = [subdir];
  for (let round = 0; round < MAX_ROUNDS && dirs.length; round++) {
    for (const d of dirs) seen.add(d);
    const got = await read(repo, ref, dirs);
    files.push(...got);
    dirs = [
      ...new Set(
        got.flatMap((f) =>
          moduleCallsIn(f.path, f.content)
            .filter((c) => parseSourceAddress(c.source).kind === 'local')
            .map((c) => repoDir(posix.join(posix.dirname(f.path), c.source))),
        ),
      ),
    ].filter((d) => !d.startsWith('..') && !seen.has(d));
  }
  return { files, bytes: files.reduce((n, f) => n + Buffer.byteLength(f.content), 0) };
}

/** A directory inside a repository: '' for its root. */
function repoDir(path: string): string {
  const d = posix.normalize(path).replace(/\/+$/, '');
  return d === '.' ? '' : d;
}

async function withinDeadline<T>(work: Promise<T>, deadline: number, timeoutMs: number): Promise<T> {
  const stop = new AbortController();
  const timer = sleep(Math.max(0, deadline - Date.now()), undefined, { signal: stop.signal }).then(() => {
    throw new ModuleReadError(
      `reading remote modules took longer than ${timeoutMs / 1000} s (bound: modules.timeout_seconds or SG_REVIEW_MODULE_TIMEOUT_SECONDS)`,
    );
  });
  timer.catch(() => undefined);
  try {
    return await Promise.race([work, timer]);
  } finally {
    stop.abort();
  }
}

/** The bounds a repository's configuration sets (`modules:` in .github/sg-review.yml). */
export interface ConfiguredModuleBounds {
  max_count?: number | undefined;
  max_bytes?: number | undefined;
  timeout_seconds?: number | undefined;
}

/**
 * The bounds of one review: each key the repository's configuration sets wins; otherwise the
 * server's environment (SG_REVIEW_MODULE_MAX_COUNT, SG_REVIEW_MODULE_MAX_BYTES,
 * SG_REVIEW_MODULE_TIMEOUT_SECONDS); otherwise the defaults. The configuration schema caps
 * what a repository may ask for.
 */
export function moduleBounds(env: NodeJS.ProcessEnv, configured: ConfiguredModuleBounds = {}): ModuleBounds {
  const num = (key: keyof ConfiguredModuleBounds, name: string, fallback: number) => {
    const set = configured[key];
    if (set !== undefined) return set;
    const v = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    maxModules: num('max_count', 'SG_REVIEW_MODULE_MAX_COUNT', DEFAULT_MODULE_BOUNDS.maxModules),
    maxBytes: num('max_bytes', 'SG_REVIEW_MODULE_MAX_BYTES', DEFAULT_MODULE_BOUNDS.maxBytes),
    timeoutMs: num('timeout_seconds', 'SG_REVIEW_MODULE_TIMEOUT_SECONDS', DEFAULT_MODULE_BOUNDS.timeoutMs / 1000) * 1000,
  };
}
