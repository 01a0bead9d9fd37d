// Which repositories a review may read module code from (git submodules, GitHub and registry
// module sources read with the installation's token). The check run shows what it read: a
// public repository's pull request (a fork's author among its readers) that points a submodule
// or a module source at a private repository of the same organisation would publish that
// repository's rules. So a module repository is read only when it is at least as visible as the
// pull request's: anything for a private repository, public or internal ones for an internal
// repository, public ones for a public repository. Otherwise the call is an unanalysed-module
// saying why, with nothing of the module in the output.
import type { GitHubClient, RepoRef } from '../github/types.js';
import { repositoryVisibility, type Visibility } from '../github/visibility.js';

/** Null when `module` may be read into this review, otherwise why it is not. */
export type ModuleReadGate = (module: RepoRef) => Promise<string | null>;

const RANK: Record<Visibility, number> = { private: 0, internal: 1, public: 2 };

/** The gate of reviews of `repo`: one visibility query per repository, asked when first needed. */
export function moduleReadGate(client: GitHubClient, repo: RepoRef): ModuleReadGate {
  const asked = new Map<string, Promise<Visibility | null | Error>>();
  const visibility = (r: RepoRef) => {
    const key = `${r.owner}/${r.repo}`.toLowerCase();
    if (!asked.has(key))
      asked.set(
        key,
        repositoryVisibility(client, r).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
      );
    return asked.get(key)!;
  };
  const name = (r: RepoRef) => `${r.owner}/${r.repo}`;
  return async (module) => {
    if (name(module).toLowerCase() === name(repo).toLowerCase()) return null;
    // unknown (an error, or not readable): taken as public, the widest audience
    const own = await visibility(repo);
    const audience: Visibility = own instanceof Error || own === null ? 'public' : own;
    if (audience === 'private') return null;
    const theirs = await visibility(module);
    if (theirs instanceof Error) return `whether ${name(module)} is ${audience} could not be told (${theirs.message}): not read`;
    if (theirs !== null && RANK[theirs] >= RANK[audience]) return null;
    // a missing repository and a private one read alike: the answer tells nothing about it
    return `${name(module)} is not a ${audience} repository this installation can read, and this pull request's repository ${name(repo)} is ${audience}: only ${audience === 'public' ? 'public' : 'public or internal'} modules are read, so that nothing of a private one appears in this check run`;
  };
}
