// Team membership, for `suppression_approvers` entries such as `acme/security`. Reading it needs
// the organisation permission "Members: read"; without it GitHub answers 403, which the caller
// reports instead of treating the user as a non-member.
import { octokitOf } from './octokit.js';
import type { GitHubClient } from './types.js';

export type TeamMembership = 'member' | 'not-member' | 'no-permission';

export async function teamMembership(client: GitHubClient, org: string, team: string, username: string): Promise<TeamMembership> {
  const octokit = octokitOf(client);
  try {
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: team, username });
    // `pending`: invited, not yet a member
    return data.state === 'active' ? 'member' : 'not-member';
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 404) return 'not-member';
    if (status === 403) return 'no-permission';
    throw e;
  }
}
