// "Re-run" from the Checks UI (check_run rerequested, or our requested action) and "Re-run all"
// (check_suite rerequested). Fork PRs' check payloads carry no pull_requests: the PR number is
// read from the check run's external_id.
import type { Context } from 'probot';
import { CHECK_NAME, RERUN_ACTION, findPullNumberForSha } from '../../github/check-run.js';
import { getPull } from '../../github/command.js';
import type { Reviews } from '../dispatch.js';

async function rerunPull(context: Context<'check_run' | 'check_suite'>, reviews: Reviews, pullNumber: number): Promise<void> {
  const repo = context.repo();
  const pull = await getPull(reviews.github, repo, pullNumber);
  if (pull.state !== 'open') return;
  await reviews.dispatch(context, { repo, defaultBranch: context.payload.repository.default_branch, headSha: pull.headSha, baseSha: pull.baseSha, pullNumber });
}

export async function onCheckRun(context: Context<'check_run.rerequested' | 'check_run.requested_action'>, reviews: Reviews): Promise<void> {
  const run = context.payload.check_run;
  if (run.name !== CHECK_NAME) return;
  if (context.payload.action === 'requested_action' && context.payload.requested_action?.identifier !== RERUN_ACTION.identifier) return;
  const fromId = run.external_id && /^\d+$/.test(run.external_id) ? Number(run.external_id) : null;
  const pullNumber = fromId ?? run.pull_requests[0]?.number ?? null;
  if (pullNumber === null) {
    context.log.info({ checkRun: run.id }, 'check run has no pull request to re-run');
    return;
  }
  await rerunPull(context, reviews, pullNumber);
}

export async function onCheckSuite(context: Context<'check_suite.rerequested'>, reviews: Reviews): Promise<void> {
  const suite = context.payload.check_suite;
  const pullNumber = suite.pull_requests[0]?.number ?? (await findPullNumberForSha(reviews.github, context.repo(), suite.head_sha));
  if (pullNumber === null) return;
  await rerunPull(context, reviews, pullNumber);
}
