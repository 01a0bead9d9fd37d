// pull_request opened / synchronize / reopened / ready_for_review: review the new head.
import type { Context } from 'probot';
import type { Reviews } from '../dispatch.js';

export async function onPullRequest(context: Context<'pull_request'>, reviews: Reviews): Promise<void> {
  const { pull_request: pr, repository } = context.payload;
  await reviews.dispatch(context, {
    repo: context.repo(),
    defaultBranch: repository.default_branch,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    pullNumber: pr.number,
    changedFiles: pr.changed_files,
  });
}
