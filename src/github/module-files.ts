// Reads module directories from a GitHub repository at a ref, through the same batched GraphQL
// tree reads as the pull request's own files, with the caller's token (the App's installation
// token, or GITHUB_TOKEN in the CLI). Failures become reasons the review reports.
import type { SourceFile } from '../engine/hcl/parse.js';
import { ModuleReadError } from '../engine/modules/resolution.js';
import { readDirectories } from './trees.js';
import { Octokit as RestOctokit } from '@octokit/rest';
import { gitHubClient, type GitHubClient, type RepoRef } from './types.js';

/** Files of `dirs` in `repo` at `ref` (null: the default branch), paths relative to the repository. */
export type ModuleTreeReader = (repo: RepoRef, ref: string | null, dirs: string[]) => Promise<SourceFile[]>;

export function githubModuleReader(client: GitHubClient): ModuleTreeReader {
  return async (repo, ref, dirs) => {
    const rev = ref ?? 'HEAD';
    try {
      const files = await readDirectories(client, repo, [rev], dirs);
      return files.get(rev) ?? [];
    } catch (e) {
      throw new ModuleReadError(readFailure(e, `${repo.owner}/${repo.repo}`));
    }
  };
}

/** The CLI's reader (`--fetch-modules`): a plain REST client with an optional token. */
export function tokenModuleReader(token: string | undefined): ModuleTreeReader {
  return githubModuleReader(gitHubClient(new RestOctokit(token ? { auth: token } : {})));
}

function readFailure(e: unknown, name: string): string {
  const errors = (e as { errors?: { type?: string }[] }).errors;
  if (errors?.some((x) => x.type === 'NOT_FOUND')) return `the repository ${name} does not exist or this installation cannot read it (private)`;
  const status = (e as { status?: number }).status;
  if (status === 401 || status === 403 || status === 404)
    return `GitHub refused to read ${name} (${status}): the repository is private or not readable with this token`;
  if (status) return `GitHub answered ${status} while reading ${name}`;
  return `${name} could not be read: ${e instanceof Error ? e.message : String(e)}`;
}
