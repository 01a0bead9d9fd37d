// What a review is asked to look at, and how it ended: shared by the App's handlers, the
// queue, the CLI's `pr` and the Action.
import type { ReviewResult } from '../engine/result.js';
import type { RepoRef } from '../github/types.js';
import type { Conclusion } from '../publish/check-sink.js';
import type { AcceptRequest } from './acceptance.js';

export interface ReviewTarget {
  repo: RepoRef;
  defaultBranch: string;
  headSha: string;
  /** The base branch tip (PR) or the merge group's base SHA. */
  baseSha: string;
  /** Null for a merge group: no review comments then. */
  pullNumber: number | null;
  /** The PR's `changed_files`, to tell when GitHub's 3,000-file listing cap cut the list. */
  changedFiles?: number;
  /** An approver's `/sg-review accept`: record the pending suppressions of this head as accepted. */
  accept?: AcceptRequest;
}

export interface ReviewOutcome {
  kind: 'reviewed' | 'no-changes' | 'invalid-config' | 'superseded' | 'error';
  conclusion: Conclusion;
  title: string;
  summary: string;
  result: ReviewResult | null;
}
