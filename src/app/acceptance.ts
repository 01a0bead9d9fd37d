// Suppression governance on a pull request (PRODUCT.md §4): suppressions the PR adds are pending
// until an approver accepts them with `/sg-review accept`. The acceptances are comments by the
// app on the PR (publish/acceptance.ts), read back only from the app's own unedited comments,
// and only when the review has pending suppressions, so other reviews cost no request.
import { applyAcceptances } from '../engine/accept.js';
import type { ReviewResult, SuppressionOutcome } from '../engine/result.js';
import { reply } from '../github/command.js';
import { listAppComments, ownAppId } from '../github/comments.js';
import type { GitHubClient, RepoRef } from '../github/types.js';
import { acceptanceComment, newRecord, readAcceptance, suppressionSection, type AcceptanceRecord } from '../publish/acceptance.js';

/** An approver's `/sg-review accept`, checked by the command handler. */
export interface AcceptRequest {
  by: string;
  /** When the approver asked (ISO 8601). */
  at: string;
}

export interface Governed {
  result: ReviewResult;
  /** The check summary's section on added suppressions (empty when there are none). */
  section: string;
  /** The other waivers (`waivers`) still pending approval. */
  pendingWaivers: SuppressionOutcome[];
  /** The acceptances recorded on the pull request (read only when something was pending). */
  records: AcceptanceRecord[];
  /** Why acceptances are not read (a run with a token, not the App), or null. */
  unread: string | null;
}

export const NO_RECORDS =
  'Approvers accept suppressions with `/sg-review accept`, which the sg-review GitHub App records; this run (with a token, not the App) does not read those records.';

/**
 * Applies the acceptances recorded on the pull request to its pending suppressions and to
 * `waivers`, the other changes that weaken reviews and wait for the same approval (a relaxed
 * configuration: config-change.ts), and records a new acceptance of all of them.
 */
export async function governSuppressions(
  client: GitHubClient,
  target: { repo: RepoRef; pullNumber: number; headSha: string; accept?: AcceptRequest },
  result: ReviewResult,
  failOn: string,
  waivers: SuppressionOutcome[] = [],
): Promise<Governed> {
  const { repo, pullNumber, headSha, accept } = target;
  let open = waivers;
  const pending = () => [...result.suppressions.filter((s) => s.state === 'pending'), ...open];
  const governed = (section: string, records: AcceptanceRecord[] = [], unread: string | null = null) => ({
    result,
    section,
    pendingWaivers: open,
    records,
    unread,
  });
  if (!pending().length && !accept) return governed('');
  const appId = await ownAppId(client);
  if (appId === null) return governed(suppressionSection(result.suppressions, [], NO_RECORDS), [], NO_RECORDS);
  const records: AcceptanceRecord[] = [];
  if (pending().length)
    for (const c of await listAppComments(client, repo, pullNumber, appId)) {
      const record = c.edited ? null : readAcceptance(c.body);
      if (record) records.push(record);
    }
  const apply = (accepted: AcceptanceRecord[]) => {
    result = applyAcceptances(
      result,
      accepted.flatMap((r) => r.suppressions),
      failOn,
    );
    open = open.filter((w) => !accepted.some((r) => r.suppressions.some((x) => x.fingerprint === w.fingerprint)));
  };
  apply(records);
  if (accept) {
    if (pending().length) {
      const { record, accepted } = newRecord(accept.by, accept.at, headSha, pending());
      const { body, tail } = acceptanceComment(record, accepted);
      await reply(client, repo, pullNumber, body, tail);
      records.push(record);
      apply([record]);
    } else {
      await reply(client, repo, pullNumber, `@${accept.by} nothing to accept at \`${headSha.slice(0, 12)}\`: no suppression is pending approval.`);
    }
  }
  return governed(suppressionSection(result.suppressions, records), records);
}
