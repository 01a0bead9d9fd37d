// Who may accept the suppressions a pull request adds (`/sg-review accept`, PRODUCT.md §4):
// never the pull request's author; the users and teams of `suppression_approvers` (read from the
// default branch) when the key is set; otherwise anyone with write, maintain or admin permission.
import type { TeamMembership } from '../github/teams.js';

/** `as`: why the user may approve; `reason`: why not, in sentences for the reply. */
export type ApproverVerdict = { approved: true; as: string } | { approved: false; reason: string };

export interface ApproverQuestion {
  user: string;
  /** The pull request's author. */
  author: string;
  /** The user's permission on the repository (admin, maintain, write, triage, read, none). */
  permission: string;
  /** `suppression_approvers`; undefined when the configuration does not set it. */
  approvers: readonly string[] | undefined;
  membership: (org: string, team: string, user: string) => Promise<TeamMembership>;
}

const WRITERS = new Set(['admin', 'maintain', 'write']);

export async function approverVerdict(q: ApproverQuestion): Promise<ApproverVerdict> {
  const user = q.user.toLowerCase();
  if (user === q.author.toLowerCase())
    return { approved: false, reason: 'You opened this pull request, and a pull request cannot waive its own findings: another approver has to accept.' };
  if (q.approvers === undefined) {
    if (WRITERS.has(q.permission)) return { approved: true, as: `${q.permission} permission on the repository` };
    return { approved: false, reason: 'Accepting suppressions needs write, maintain or admin permission on this repository.' };
  }
  const entries = q.approvers.map((a) => a.replace(/^@/, ''));
  if (entries.some((e) => !e.includes('/') && e.toLowerCase() === user)) return { approved: true, as: 'listed in `suppression_approvers`' };
  const unreadable: string[] = [];
  for (const entry of entries.filter((e) => e.includes('/'))) {
    const [org, team] = entry.split('/') as [string, string];
    const membership = await q.membership(org, team, q.user);
    if (membership === 'member') return { approved: true, as: `member of \`${entry}\`` };
    if (membership === 'no-permission') unreadable.push(entry);
  }
  const listed = entries.length ? entries.map((e) => `\`${e}\``).join(', ') : 'nobody';
  const missing = unreadable.length
    ? ` sg-review could not read the members of ${unreadable.map((e) => `\`${e}\``).join(', ')}: the app needs the organisation permission "Members: read" (an organisation owner accepts it in the app's installation settings).`
    : '';
  return { approved: false, reason: `Only the approvers in \`suppression_approvers\` may accept suppressions (${listed}).${missing}` };
}
