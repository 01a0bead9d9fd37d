// Step 7 of a review: annotations in batches, one review with the new line comments (never a
// finding commented twice), the threads of findings gone resolved, then the conclusion. A run
// that a newer head superseded posts nothing.
import type { SourceFile } from '../engine/hcl/parse.js';
import { isTerraformFile } from '../engine/load.js';
import type { ReviewResult } from '../engine/result.js';
import type { Config } from '../config/schema.js';
import type { PullFile } from '../github/pull-files.js';
import { listBotComments, postReview, resolveThreads } from '../github/review.js';
import { commentableHunks, type Hunk } from '../publish/anchors.js';
import { annotationBatches, annotations, checkSummary, checkTitle } from '../publish/check-output.js';
import type { CheckOutcome, CheckSink, Conclusion } from '../publish/check-sink.js';
import { fingerprintOf, marker, planComments } from '../publish/review-comments.js';
import type { GitHubClient } from '../github/types.js';
import type { ReviewOutcome, ReviewTarget } from './review-target.js';

/** Concludes the check run once (later calls do nothing). */
export type Conclude = (
  conclusion: Conclusion,
  title: string,
  summary: string,
  extra?: Omit<CheckOutcome, 'conclusion' | 'title' | 'summary'>,
  kind?: ReviewOutcome['kind'],
  result?: ReviewResult | null,
) => Promise<void>;

/** What was read for the review, for the summary and the line comments. */
export interface PublishScope {
  base: SourceFile[];
  head: SourceFile[];
  changed: PullFile[];
  mergeBaseSha: string;
  allDirs: string[];
  notes: string[];
  suppressions: string;
  /** What waits for an approver besides the findings (a relaxed configuration), for the title. */
  pendingApproval?: string;
}

export async function publishReview(
  deps: { client: GitHubClient; readOnly?: string },
  check: CheckSink,
  target: ReviewTarget,
  result: ReviewResult,
  config: Config,
  scope: PublishScope,
  stillCurrent: () => Promise<boolean>,
  conclude: Conclude,
): Promise<void> {
  const { client } = deps;
  const { repo } = target;
  const counts = checkTitle(result);
  const title = scope.pendingApproval ? `${counts.replace(/\.$/, '')}; ${scope.pendingApproval}` : counts;
  const summaryWith = (notes: string[]) =>
    checkSummary(result, {
      directories: scope.allDirs,
      baseSha: scope.mergeBaseSha,
      headSha: target.headSha,
      files: scope.head.length,
      notes,
      suppressions: scope.suppressions,
    });
  const notes = [...scope.notes];
  const annotated = annotations(result, config.max_annotations);
  if (annotated.omitted)
    notes.push(`\`max_annotations\` (${config.max_annotations}) reached: ${annotated.omitted} more findings are in the table above but not annotated.`);
  const batches = annotationBatches(annotated.list);
  for (const batch of batches.slice(0, -1)) await check.annotate(title, summaryWith(notes), batch);

  if (target.pullNumber !== null && config.review_comments && !deps.readOnly) {
    const baseByPath = new Map(scope.base.map((f) => [f.path, f.content]));
    const headByPath = new Map(scope.head.map((f) => [f.path, f.content]));
    const links = new Map(scope.head.flatMap((f) => (f.linkTo ? [[f.path, f.linkTo] as const] : [])));
    const dirLinks = new Map(scope.head.flatMap((f) => (f.dirLink ? [[f.path, f.dirLink] as const] : [])));
    const linkedDirs = new Set(dirLinks.values());
    const hunks = new Map<string, Hunk[]>();
    for (const f of scope.changed) {
      // a changed link to a directory: its diff is one line, the target's path
      if (linkedDirs.has(f.filename)) hunks.set(f.filename, [[1, 1]]);
      const head = headByPath.get(f.filename);
      if (head === undefined || !isTerraformFile(f.filename)) continue;
      // a changed link's diff is one line, its target's path: the content read is the target's
      if (links.has(f.filename)) hunks.set(f.filename, [[1, 1]]);
      else hunks.set(f.filename, commentableHunks(baseByPath.get(f.previousFilename ?? f.filename) ?? null, head, f.patch));
    }
    const earlier = (await listBotComments(client, repo, target.pullNumber)).flatMap((c) => {
      const fingerprint = fingerprintOf(c.body);
      return fingerprint ? [{ id: c.id, fingerprint }] : [];
    });
    const plan = planComments({
      findings: result.findings,
      hunks,
      headContent: headByPath,
      alreadyCommented: new Set(earlier.map((c) => c.fingerprint)),
      trustedCidrs: config.trusted_cidrs,
      maxComments: config.max_review_comments,
      links,
      dirLinks,
    });
    const overLimit = plan.overLimit.length
      ? ` ${plan.overLimit.length} more new finding(s) on the lines of this pull request are in the check-run summary only (\`max_review_comments\`: ${config.max_review_comments}).`
      : '';
    if (overLimit) notes.push(overLimit.trim());
    if (!(await stillCurrent())) {
      await conclude('neutral', 'sg-review: superseded', 'A newer run for this pull request replaced this one; its result is not posted.', {}, 'superseded');
      return;
    }
    if (plan.comments.length) {
      const body = `sg-review: ${plan.comments.length} new finding(s) on the lines of this pull request, the most severe first.${overLimit} The check run \`sg-review\` has the full summary.`;
      await postReview(
        client,
        repo,
        target.pullNumber,
        target.headSha,
        body,
        plan.comments.map(({ fingerprint, ...c }) => ({ ...c, tail: marker(fingerprint) })),
      );
    }
    const current = new Set(result.findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
    const stale = earlier.filter((c) => !current.has(c.fingerprint)).map((c) => c.id);
    if (stale.length) await resolveThreads(client, repo, target.pullNumber, stale);
  }
  await conclude(result.conclusion, title, summaryWith(notes), { annotations: batches[batches.length - 1]!, rerunAction: true }, 'reviewed', result);
}
