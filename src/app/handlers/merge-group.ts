// merge_group checks_requested: the check must report on the merge queue's commit too, or a
// required check blocks the queue.
import type { Context } from 'probot';
import type { Reviews } from '../dispatch.js';

export async function onMergeGroup(context: Context<'merge_group.checks_requested'>, reviews: Reviews): Promise<void> {
  const group = context.payload.merge_group;
  await reviews.dispatch(context, {
    repo: context.repo(),
    defaultBranch: context.payload.repository?.default_branch ?? 'main',
    headSha: group.head_sha,
    baseSha: group.base_sha,
    pullNumber: null,
  });
}
