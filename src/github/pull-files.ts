// The files a pull request changes (paginated; GitHub lists at most 3,000).
import { octokitOf } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

export interface PullFile {
  filename: string;
  previousFilename: string | null;
  status: string;
  patch: string | undefined;
}

type GitHubFile = { filename: string; previous_filename?: string; status: string; patch?: string };
const pullFile = (f: GitHubFile): PullFile => ({ filename: f.filename, previousFilename: f.previous_filename ?? null, status: f.status, patch: f.patch });

export async function listPullFiles(client: GitHubClient, repo: RepoRef, pullNumber: number): Promise<PullFile[]> {
  const octokit = octokitOf(client);
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 });
  return files.map(pullFile);
}

/** GitHub's compare lists at most this many files for a whole comparison. */
export const COMPARE_FILE_LIMIT = 300;

export interface Comparison {
  mergeBase: string;
  files: PullFile[];
  /** The list reached GitHub's cap: files past it were not listed. */
  truncated: boolean;
}

/** The files between two commits (merge groups have no pull request), every page read. */
export async function compareFiles(client: GitHubClient, repo: RepoRef, base: string, head: string): Promise<Comparison> {
  const octokit = octokitOf(client);
  const files = new Map<string, PullFile>();
  let mergeBase = '';
  // pages follow the Link header (the pages are of commits; files are kept from each page)
  for (let page = 1, more = true; more; page++) {
    const { data, headers } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 100, page });
    mergeBase ||= data.merge_base_commit.sha;
    for (const f of data.files ?? []) files.set(f.filename, pullFile(f));
    more = /rel="next"/.test(headers.link ?? '');
  }
  return { mergeBase, files: [...files.values()], truncated: files.size >= COMPARE_FILE_LIMIT };
}

/** The merge base of the PR: what GitHub's "Files changed" compares against. */
export async function mergeBase(client: GitHubClient, repo: RepoRef, base: string, head: string): Promise<string> {
  const octokit = octokitOf(client);
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 1 });
  return data.merge_base_commit.sha;
}
