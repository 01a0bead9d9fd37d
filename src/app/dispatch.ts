// What a webhook handler needs to have a target reviewed: in-process, the review runs now;
// with Redis, a job is queued for any replica's workers.
import type { Context } from 'probot';
import type { ReviewTarget } from './run-review.js';
import type { RunRegistry } from './runs.js';

/** Starts (in-process) or enqueues (Redis) the review of a target for a webhook. */
export type Dispatch = (context: Context, target: ReviewTarget) => Promise<void>;

export interface Reviews {
  registry: RunRegistry;
  dispatch: Dispatch;
}
