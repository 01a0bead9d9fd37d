// Suppression governance on a pull request (PRODUCT.md §4): suppressions the PR adds are pending
// until an approver accepts them with `/sg-review accept`. The acceptances are comments by the
// app on the PR (publish/acceptance.ts), read back only from the app's own unedited comments,
// and only when the review has pending suppressions, so other reviews cost no request.
import { applyAcceptances } from '../engine/accept.js';
import type { ReviewResult } from '../engine/result.js';
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
}

export async function governSuppressions(
  client: GitHubClient,
  target: { repo: RepoRef; pullNumber: number; headSha: string; accept?: AcceptRequest },
  result: ReviewResult,
  failOn: string,
): Promise<Governed> {
  const { repo, pullNumber, headSha, accept } = target;
  const pending = () => result.suppressions.filter((s) => s.state === 'pending');
  if (!pending().length && !accept) return { result, section: '' };
  const appId = await ownAppId(client);
  if (appId === null)
    return {
      result,
      section: suppressionSection(
        result.suppressions,
        [],
        'Approvers accept suppressions with `/sg-review accept`, which the sg-review GitHub App records; this run (with a token, not the App) does not read those records.',
      ),
    };
  const records: AcceptanceRecord[] = [];
  if (pending().length)
    for (const c of await listAppComments(client, repo, pullNumber, appId)) {
      const record = c.edited ? null : readAcceptance(c.body);
      if (record) records.push(record);
    }
  result = applyAcceptances(
    result,
    records.flatMap((r) => r.suppressions),
    failOn,
  );
  if (accept) {
    if (pending().length) {
      const { record, accepted } = newRecord(accept.by, accept.at, headSha, pending());
      const { body, tail } = acceptanceComment(record, accepted);
      await reply(client, repo, pullNumber, body, tail);
      records.push(record);
      result = applyAcceptances(result, record.suppressions, failOn);
    } else {
      await reply(client, repo, pullNumber, `@${accept.by} nothing to accept at \`${headSha.slice(0, 12)}\`: no suppression is pending approval.`);
    }
  }
  return { result, section: suppressionSection(result.suppressions, records) };
}
