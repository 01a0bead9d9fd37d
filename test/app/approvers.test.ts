import { afterEach, describe, expect, it } from 'vitest';
import { Octokit } from '@octokit/rest';
import { approverVerdict, type ApproverQuestion } from '../../src/app/approvers.js';
import { teamMembership } from '../../src/github/teams.js';
import { gitHubClient } from '../../src/github/types.js';
import { callsOf, cleanup, serveDouble } from '../helpers/app.js';

afterEach(cleanup);

const noTeams = () => Promise.reject(new Error('no team lookup expected'));
const ask = (q: Partial<ApproverQuestion>) =>
  approverVerdict({ user: 'bob', author: 'alice', permission: 'write', approvers: undefined, membership: noTeams, ...q });

describe('who may accept suppressions', () => {
  it('the author never, whatever the permission or the list', async () => {
    expect(await ask({ user: 'Alice', permission: 'admin' })).toMatchObject({
      approved: false,
      reason: expect.stringMatching(/^You opened this pull request/),
    });
    expect(await ask({ user: 'alice', approvers: ['alice'] })).toMatchObject({ approved: false });
  });

  it.each(['write', 'maintain', 'admin'])('without suppression_approvers: another user with %s permission', async (permission) => {
    expect(await ask({ permission })).toEqual({ approved: true, as: `${permission} permission on the repository` });
  });

  it.each(['triage', 'read', 'none'])('without suppression_approvers: not with %s permission', async (permission) => {
    expect(await ask({ permission })).toMatchObject({ approved: false, reason: expect.stringContaining('needs write, maintain or admin') });
  });

  it('with suppression_approvers: a listed login (any case, with or without @), whatever the permission', async () => {
    expect(await ask({ approvers: ['@Bob'], permission: 'read' })).toEqual({ approved: true, as: 'listed in `suppression_approvers`' });
  });

  it('with suppression_approvers: write permission alone is not enough', async () => {
    expect(await ask({ approvers: ['carol'], permission: 'admin' })).toEqual({
      approved: false,
      reason: 'Only the approvers in `suppression_approvers` may accept suppressions (`carol`).',
    });
  });

  it('an empty list: nobody may accept', async () => {
    expect(await ask({ approvers: [] })).toMatchObject({ approved: false, reason: expect.stringContaining('(nobody)') });
  });

  it('a team member, asked team by team until one says yes', async () => {
    const asked: string[] = [];
    const membership = async (org: string, team: string, user: string) => {
      asked.push(`${org}/${team}:${user}`);
      return team === 'security' ? ('member' as const) : ('not-member' as const);
    };
    expect(await ask({ approvers: ['carol', 'acme/platform', '@acme/security', 'acme/sre'], membership })).toEqual({
      approved: true,
      as: 'member of `acme/security`',
    });
    expect(asked).toEqual(['acme/platform:bob', 'acme/security:bob']);
  });

  it('team memberships that cannot be read are named with the missing permission, and nothing is approved', async () => {
    const verdict = await ask({ approvers: ['acme/security'], membership: async () => 'no-permission' });
    expect(verdict).toMatchObject({ approved: false });
    expect(verdict.approved || verdict.reason).toMatch(
      /could not read the members of `acme\/security`: the app needs the organisation permission "Members: read"/,
    );
  });
});

describe('team membership through the teams API', () => {
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const client = () => gitHubClient(new Octokit({ auth: 'x', log: quiet, retry: { enabled: false } }));

  it('an active member, a non-member (404), and the permission missing (403)', async () => {
    const github = serveDouble({ commits: {}, pulls: [], teams: { 'acme/security': ['bob'] } });
    expect(await teamMembership(client(), 'acme', 'security', 'bob')).toBe('member');
    expect(await teamMembership(client(), 'acme', 'security', 'mallory')).toBe('not-member');
    expect(callsOf(github)).toEqual(['GET /orgs/acme/teams/security/memberships/bob', 'GET /orgs/acme/teams/security/memberships/mallory']);
    cleanup();
    serveDouble({ commits: {}, pulls: [], teams: { 'acme/security': ['bob'] }, membersReadable: false });
    expect(await teamMembership(client(), 'acme', 'security', 'bob')).toBe('no-permission');
  });

  it('other failures are errors, not a verdict', async () => {
    serveDouble({ commits: {}, pulls: [], fail: () => ({ status: 500, body: { message: 'boom' } }) });
    await expect(teamMembership(client(), 'acme', 'security', 'bob')).rejects.toMatchObject({ status: 500 });
  });
});
