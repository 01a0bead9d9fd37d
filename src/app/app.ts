// The Probot app: registers the handlers, the operations endpoints and, with a review queue,
// this process's review workers.
import type { ApplicationFunction, Context, Probot } from 'probot';
import { prestartReviewWorker } from '../adapters/review-worker.js';
import { deliveryClient } from '../github/installation.js';
import { gitHubClient, type GitHubClient } from '../github/types.js';
import { onComment } from './handlers/command.js';
import { onMergeGroup } from './handlers/merge-group.js';
import { onPullRequest } from './handlers/pull-request.js';
import { onCheckRun, onCheckSuite } from './handlers/rerun.js';
import { CommandPolicy } from './command-policy.js';
import { checkPayload } from './payloads.js';
import { operationsHandler, recordGitHubRequest } from './metrics.js';
import type { ReviewQueue } from './queue.js';
import { startReviewWorker } from './queue.js';
import type { Dispatch, Reviews } from './dispatch.js';
import { runReview } from './run-review.js';
import { RunRegistry } from './runs.js';
import type { AbandonedRuns } from './abandoned-runs.js';

/**
 * An installation's own client: Probot's context.octokit shares one write queue (1 write/s)
 * across every installation in the process; app.auth(installationId) has one per installation.
 * It tags every request with the delivery id, as context.octokit does, for GitHub Support.
 */
export async function installationClient(app: Probot, installationId: number, deliveryId: string): Promise<GitHubClient> {
  return deliveryClient(await app.auth(installationId), deliveryId, recordGitHubRequest);
}

/** `abandoned`: conclude the runs a previous process left in progress (the server without a queue). */
export function createApp(registry = new RunRegistry(), queue?: ReviewQueue, workers = true, abandoned?: AbandonedRuns): ApplicationFunction {
  return (app, options) => {
    const start: (...args: [...Parameters<Dispatch>, GitHubClient]) => Promise<void> = queue
      ? async (context, target) => {
          const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
          if (!installationId) return;
          await queue.enqueue({ installationId, deliveryId: context.id, target });
          context.log.info({ headSha: target.headSha, pull: target.pullNumber, queue: await queue.depth() }, 'review queued');
        }
      : async (context, target, client) => {
          await runReview({ client, log: context.log, registry }, target);
        };
    // this process reviews: its engine thread loads now, not during the first review
    if (!queue || workers) prestartReviewWorker();
    if (queue && workers) {
      startReviewWorker({
        redis: queue.redis,
        settings: queue.settings,
        registry,
        log: app.log,
        auth: (id, delivery) => installationClient(app, id, delivery),
      });
    }
    try {
      options?.addHandler?.(operationsHandler(async () => !queue || (await queue.redis.ping()) === 'PONG'));
    } catch {
      // loaded without Probot's server (Lambda, tests): no operations endpoints
    }

    // the same delivery received twice (a redelivery keeps its id) posts nothing twice
    const once =
      <C extends Context>(handler: (context: C, reviews: Reviews) => Promise<void>) =>
      async (context: C) => {
        checkPayload(context.name, context.payload);
        if (registry.closing || !(await registry.firstDelivery(context.id))) return;
        const id = (context.payload as { installation?: { id?: number } }).installation?.id;
        // handlers reach GitHub only through this client and github/'s functions
        const client = id ? await installationClient(app, id, context.id) : gitHubClient(context.octokit);
        if (id && abandoned) void abandoned.onFirstEvent(client, context.repo(), context.log);
        await handler(context, { registry, github: client, dispatch: (c, target) => start(c, target, client) });
      };
    app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'], once(onPullRequest));
    app.on(['check_run.rerequested', 'check_run.requested_action'], once(onCheckRun));
    app.on('check_suite.rerequested', once(onCheckSuite));
    app.on('merge_group.checks_requested', once(onMergeGroup));
    const policy = new CommandPolicy();
    app.on(
      'issue_comment.created',
      once((context: Context<'issue_comment.created'>, runs) => onComment(context, runs, policy)),
    );
  };
}

export default createApp();
