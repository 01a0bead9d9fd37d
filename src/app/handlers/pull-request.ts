// pull_request opened / synchronize / reopened / ready_for_review: review the new head.
import type { Context } from 'probot';
import type { RunRegistry } from '../runs.js';
import { runReview } from '../run-review.js';

export async function onPullRequest(context: Context<'pull_request'>, registry: RunRegistry): Promise<void> {
  const { pull_request: pr, repository } = context.payload;
  await runReview(
    { octokit: context.octokit, log: context.log, registry },
    {
      repo: context.repo(),
      defaultBranch: repository.default_branch,
      headSha: pr.head.sha,
      baseSha: pr.base.sha,
      pullNumber: pr.number,
      changedFiles: pr.changed_files,
    },
  );
}
