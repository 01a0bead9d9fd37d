// Reads .github/sg-review.yml from the default branch: a pull request cannot weaken its own
// review by editing the config.
import { octokitOf } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

export const CONFIG_PATH = '.github/sg-review.yml';

export async function readConfigText(client: GitHubClient, repo: RepoRef, defaultBranch: string, path = CONFIG_PATH): Promise<string | null> {
  const octokit = octokitOf(client);
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref: defaultBranch });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}
