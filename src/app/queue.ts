// Reviews through Redis (REDIS_URL set): webhook handlers only enqueue a BullMQ job and
// answer at once; workers, in any replica, run the reviews with bounded concurrency.
//   - the job id is repository, PR (or merge group) and head SHA: duplicates collapse
//   - one review of a PR at a time, cluster-wide (a lock in Redis; a job that finds the PR
//     locked waits in the delayed set)
//   - the check run's id is kept in the job: a job picked up again after its replica died
//     (BullMQ's stalled-job recovery) or retried after a GitHub 5xx / rate limit concludes the
//     same check run, never a second one
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'probot';
import { completeCheckRun } from '../github/check-run.js';
import type { GitHubClient } from '../github/types.js';
import { recordQueueDepth } from './metrics.js';
import { PrLock, prLockKey } from './pr-lock.js';
import { runReview } from './run-review.js';
import type { ReviewTarget } from './review-target.js';
import { runKey, type RunRegistry } from './runs.js';

export const QUEUE_NAME = 'sg-review';

export interface ReviewJob {
  installationId: number;
  deliveryId: string;
  target: ReviewTarget;
  /** Set once the first attempt created the check run. */
  checkRunId?: number;
}

export interface QueueSettings {
  /** Reviews one process runs at once. */
  concurrency: number;
  /** Attempts of a job whose review fails with a GitHub 5xx or rate limit. */
  attempts: number;
  /** First retry delay; doubled at each attempt. */
  backoffMs: number;
  /** How long a job's lock lives without renewal: a dead replica's job is picked up after it. */
  lockMs: number;
}

export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const int = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`);
    return n;
  };
  return {
    concurrency: int('REVIEW_CONCURRENCY', 2),
    attempts: int('REVIEW_ATTEMPTS', 3),
    backoffMs: int('REVIEW_RETRY_MS', 10_000),
    lockMs: int('REVIEW_LOCK_MS', 30_000),
  };
}

export function jobId(target: ReviewTarget): string {
  // BullMQ ids may not contain ':'; an acceptance is never collapsed into a review of the same head
  return `${runKey(target.repo, target.pullNumber, target.headSha)}@${target.headSha}${target.accept ? `+accept-${target.accept.by}` : ''}`;
}

/** A GitHub error worth another attempt later: a 5xx, or a (secondary) rate limit. */
export function isRetryable(e: unknown): boolean {
  const status = (e as { status?: number }).status ?? 0;
  const message = e instanceof Error ? e.message : '';
  return status >= 500 || status === 429 || (status === 403 && /rate limit/i.test(message));
}

export class ReviewQueue {
  readonly queue: Queue<ReviewJob>;
  constructor(
    readonly redis: Redis,
    readonly settings: QueueSettings,
  ) {
    this.queue = new Queue<ReviewJob>(QUEUE_NAME, { connection: redis });
  }

  async enqueue(job: ReviewJob): Promise<void> {
    await this.queue.add('review', job, {
      jobId: jobId(job.target),
      attempts: Math.max(1, this.settings.attempts),
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  async depth(): Promise<Record<string, number>> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    recordQueueDepth(counts);
    return counts;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

const started = new Set<Worker<ReviewJob>>();

/** Stops this process's workers taking jobs and waits for their active ones (SIGTERM). */
export async function closeReviewWorkers(): Promise<void> {
  await Promise.all([...started].map((w) => w.close()));
}

/** Runs review jobs on this process. `auth` gives the installation's client (Probot's app.auth). */
export function startReviewWorker(options: {
  redis: Redis;
  settings: QueueSettings;
  registry: RunRegistry;
  log: Logger;
  auth: (installationId: number, deliveryId: string) => Promise<GitHubClient>;
}): Worker<ReviewJob> {
  const { redis, settings, registry, log } = options;
  const process = async (job: Job<ReviewJob>, token?: string) => {
    const { target } = job.data;
    const lock = new PrLock(redis, prLockKey(target), settings.lockMs * 2);
    if (!(await lock.acquire())) {
      // another replica reviews this PR: wait our turn
      await job.moveToDelayed(Date.now() + Math.min(2_000, settings.lockMs), token);
      throw new DelayedError();
    }
    const started = Date.now();
    try {
      const client = await options.auth(job.data.installationId, job.data.deliveryId);
      const final = job.attemptsMade + 1 >= Math.max(1, settings.attempts);
      await runReview(
        {
          client,
          log: log.child({ delivery: job.data.deliveryId, job: job.id, attempt: job.attemptsMade + 1 }),
          registry,
          checkRun: {
            ...(job.data.checkRunId ? { id: job.data.checkRunId } : {}),
            created: (id) => job.updateData({ ...job.data, checkRunId: id }),
          },
          ...(final ? {} : { retryable: isRetryable }),
        },
        target,
      );
    } finally {
      await lock.release();
      log.info({ job: job.id, ms: Date.now() - started, queue: await queueDepth() }, 'review job done');
    }
  };
  const counter = new Queue<ReviewJob>(QUEUE_NAME, { connection: redis });
  const queueDepth = async () => {
    const counts = await counter.getJobCounts('waiting', 'active', 'delayed').catch(() => ({}));
    recordQueueDepth(counts);
    return counts;
  };
  const connection = redis.duplicate({ maxRetriesPerRequest: null });
  const worker = new Worker<ReviewJob>(QUEUE_NAME, process, {
    connection,
    concurrency: Math.max(1, settings.concurrency),
    lockDuration: settings.lockMs,
    stalledInterval: settings.lockMs,
    maxStalledCount: 2,
  });
  worker.on('failed', (job, error) => {
    // a job given up after stalling never reached runReview's own conclusion
    if (!job?.data.checkRunId || !/stalled/i.test(error.message)) return;
    void (async () => {
      const client = await options.auth(job.data.installationId, job.data.deliveryId);
      await completeCheckRun(client, job.data.target.repo, job.data.checkRunId!, {
        conclusion: 'failure',
        title: 'sg-review could not complete',
        summary: 'The review was interrupted repeatedly (its server stopped). Re-run the check.',
        rerunAction: true,
      });
    })().catch((e: Error) => log.error({ error: e.message }, 'could not conclude the check run of a stalled job'));
  });
  worker.on('error', (e) => log.error({ error: e.message }, 'review worker error'));
  worker.on('closed', () => {
    started.delete(worker);
    void counter.close().finally(() => connection.disconnect());
  });
  started.add(worker);
  return worker;
}
