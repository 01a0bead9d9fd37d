// Where a review's check goes: a check run on GitHub (the App, `sg-review pr`) or the job of a
// GitHub Actions workflow (summary file, workflow-command annotations, exit code).
import type { Annotation } from '../github/limits.js';

export type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled';

export interface CheckOutcome {
  conclusion: Conclusion;
  title: string;
  summary: string;
  /** The last batch of annotations (earlier batches went through `annotate`). */
  annotations?: Annotation[];
  /** Offer a "Re-run" button (check runs only). */
  rerunAction?: boolean;
}

export interface CheckSink {
  /** Reports the check as started. */
  start(): Promise<void>;
  /** Appends a batch of annotations while the check is in progress. */
  annotate(title: string, summary: string, batch: Annotation[]): Promise<void>;
  complete(outcome: CheckOutcome): Promise<void>;
}
