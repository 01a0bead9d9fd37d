// What the slash command needs from GitHub: the sender's permission, a reaction, a reply, the PR.
import { limitBody } from './limits.js';
import { octokitOf } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

/** admin, maintain, write, triage, read or none. */
export async function permissionOf(client: GitHubClient, repo: RepoRef, username: string): Promise<string> {
  const octokit = octokitOf(client);
  const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
  return data.role_name || data.permission;
}

export async function react(client: GitHubClient, repo: RepoRef, commentId: number, content: 'eyes' | 'rocket' | 'confused'): Promise<void> {
  const octokit = octokitOf(client);
  await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
}

/** `tail` (a hidden marker) is kept whole when the body is shortened to GitHub's limit. */
export async function reply(client: GitHubClient, repo: RepoRef, issueNumber: number, body: string, tail = ''): Promise<void> {
  const octokit = octokitOf(client);
  await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: limitBody(body, tail) });
}

export interface PullInfo {
  number: number;
  headSha: string;
  baseSha: string;
  state: string;
  /** The author's login: never an approver of the PR's own suppressions. */
  author: string;
  defaultBranch: string;
  /** To tell when GitHub's 3,000-file listing cap cut the file list. */
  changedFiles: number;
}

export async function getPull(client: GitHubClient, repo: RepoRef, pullNumber: number): Promise<PullInfo> {
  const octokit = octokitOf(client);
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
  return {
    number: data.number,
    headSha: data.head.sha,
    baseSha: data.base.sha,
    state: data.state,
    author: data.user.login,
    defaultBranch: data.base.repo.default_branch,
    changedFiles: data.changed_files,
  };
}
