// The App's remote module reads: one registry client and one tree cache per process, so a
// second review of the same module versions sends no request. Trees are cached per
// repository owner (the installation's account): one installation's private modules are
// never served to another.
import { RegistryClient, registryUrlsFromEnv } from '../adapters/module-registry.js';
import { RemoteModuleCache, readRemoteModules, type ModuleBudget, type RemoteModules } from '../adapters/remote-modules.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import { githubModuleReader } from '../github/module-files.js';
import type { GitHubClient, RepoRef } from '../github/types.js';
import type { ModuleReadGate } from './module-visibility.js';

let shared: { registry: RegistryClient; cache: RemoteModuleCache } | null = null;

/** Forgets cached registry answers and module trees (tests; a configuration change). */
export function resetModuleReads(): void {
  shared = null;
}

export async function readModulesForReview(
  client: GitHubClient,
  repo: RepoRef,
  files: SourceFile[],
  budget: ModuleBudget,
  gate: ModuleReadGate,
): Promise<RemoteModules> {
  shared ??= { registry: new RegistryClient({ urls: registryUrlsFromEnv(process.env) }), cache: new RemoteModuleCache() };
  return readRemoteModules(files, {
    registry: shared.registry,
    cache: shared.cache,
    read: githubModuleReader(client),
    scope: repo.owner.toLowerCase(),
    bounds: budget.bounds,
    budget,
    gate,
  });
}
