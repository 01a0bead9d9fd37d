// What a webhook handler needs to have a target reviewed: in-process, the review runs now;
// with Redis, a job is queued for any replica's workers.
import type { Context } from 'probot';
import type { GitHubClient } from '../github/types.js';
import type { ReviewTarget } from './review-target.js';
import type { RunRegistry } from './runs.js';

/** Starts (in-process) or enqueues (Redis) the review of a target for a webhook. */
export type Dispatch = (context: Context, target: ReviewTarget) => Promise<void>;

/** What a webhook handler gets for one delivery. */
export interface Reviews {
  registry: RunRegistry;
  /** The installation's client: handlers reach GitHub only by handing it to github/'s functions. */
  github: GitHubClient;
  dispatch: Dispatch;
}
