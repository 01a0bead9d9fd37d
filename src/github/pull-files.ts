// The files a pull request changes (paginated; GitHub lists at most 3,000).
import type { Octokit, RepoRef } from './types.js';

export interface PullFile {
  filename: string;
  previousFilename: string | null;
  status: string;
  patch: string | undefined;
}

export async function listPullFiles(octokit: Octokit, repo: RepoRef, pullNumber: number): Promise<PullFile[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 });
  return files.map((f) => ({ filename: f.filename, previousFilename: f.previous_filename ?? null, status: f.status, patch: f.patch }));
}

/** The merge base of the PR: what GitHub's "Files changed" compares against. */
export async function mergeBase(octokit: Octokit, repo: RepoRef, base: string, head: string): Promise<string> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 1 });
  return data.merge_base_commit.sha;
}
