// The app's own comments on a pull request (records of `/sg-review accept`), and who the app is.
import { octokitOf } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

export interface AppComment {
  id: number;
  body: string;
  /** Changed after it was posted: people with write access can edit anyone's comment. */
  edited: boolean;
}

/** The app's id when the client authenticates as a GitHub App installation (no request: it is
 * in the app's credentials); null for a token (`sg-review pr`, the Action). */
export async function ownAppId(client: GitHubClient): Promise<number | null> {
  const octokit = octokitOf(client);
  const auth = (await octokit.auth({ type: 'app' })) as { type?: string; appId?: number };
  return auth.type === 'app' && typeof auth.appId === 'number' ? auth.appId : null;
}

/** Every comment on the pull request written by the app `appId` (all pages). */
export async function listAppComments(client: GitHubClient, repo: RepoRef, issueNumber: number, appId: number): Promise<AppComment[]> {
  const octokit = octokitOf(client);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
  return comments.flatMap((c) =>
    c.user?.type === 'Bot' && c.performed_via_github_app?.id === appId ? [{ id: c.id, body: c.body ?? '', edited: c.updated_at !== c.created_at }] : [],
  );
}
