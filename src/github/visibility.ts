// Who can see a repository, as GitHub says it (`visibility`: PUBLIC, INTERNAL to an enterprise's
// members, PRIVATE): a review's output is seen by whoever sees the pull request's repository.
import { octokitOf } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

export type Visibility = 'public' | 'internal' | 'private';

const QUERY = 'query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { visibility } }';

/** The repository's visibility; null when it does not exist or the token cannot see it. */
export async function repositoryVisibility(client: GitHubClient, repo: RepoRef): Promise<Visibility | null> {
  try {
    const answer = await octokitOf(client).graphql<{ repository: { visibility?: string } | null }>(QUERY, { owner: repo.owner, repo: repo.repo });
    const v = answer.repository?.visibility?.toLowerCase();
    return v === 'public' || v === 'internal' || v === 'private' ? v : null;
  } catch (e) {
    if ((e as { errors?: { type?: string }[] }).errors?.some((x) => x.type === 'NOT_FOUND')) return null;
    throw e;
  }
}
