import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, payload } from '../helpers/app.js';
import { HEAD, TIP, exampleCommits, examplePull, reviewRequests } from './fixtures.js';

afterEach(cleanup);

function commentPayload(body: string, opts: { sender?: string; bot?: boolean; onPull?: boolean } = {}) {
  return payload('issue_comment', 'created', (p) => {
    p['issue'] = { ...p['issue'], number: 1, ...(opts.onPull === false ? {} : { pull_request: { url: 'https://api.github.com/repos/acme/infra/pulls/1' } }) };
    if (opts.onPull === false) delete p['issue'].pull_request;
    p['comment'] = { ...p['comment'], id: 555, body };
    p['sender'] = { login: opts.sender ?? 'alice', type: opts.bot ? 'Bot' : 'User' };
  });
}

const RUN = reviewRequests();

describe('slash command', () => {
  it.each(['write', 'maintain', 'admin'])('a user with %s permission re-runs the review, acknowledged with a reaction', async (permission) => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], permissions: { alice: permission } });
    await h.send('issue_comment', commentPayload('/SG-Review run\nplease'));
    expect(h.calls()).toEqual([
      'GET /repos/acme/infra/collaborators/alice/permission',
      'GET /repos/acme/infra/pulls/1',
      'POST /repos/acme/infra/issues/comments/555/reactions',
      ...RUN,
    ]);
    expect(h.github.reactions).toEqual([{ comment: 555, content: 'eyes' }]);
    expect(h.github.checkRuns.get(100)).toMatchObject({ head_sha: HEAD, conclusion: 'failure' });
  });

  it('a reader is refused with a short reply and nothing runs', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], permissions: { bob: 'read' } });
    await h.send('issue_comment', commentPayload('/sg-review', { sender: 'bob' }));
    expect(h.calls()).toEqual(['GET /repos/acme/infra/collaborators/bob/permission', 'POST /repos/acme/infra/issues/1/comments']);
    expect(h.github.issueComments[0]!.body).toBe('@bob sg-review commands need write permission on this repository.');
  });

  it('anyone without permission: one short reply per pull request, a reaction after that, one permission lookup', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], permissions: { bob: 'read' } });
    for (const body of ['/sg-review help', '/sg-review frobnicate', '/sg-review', '/sg-review help'])
      await h.send('issue_comment', commentPayload(body, { sender: 'bob' }));
    expect(h.calls()).toEqual([
      'GET /repos/acme/infra/collaborators/bob/permission',
      'POST /repos/acme/infra/issues/1/comments',
      ...Array<string>(3).fill('POST /repos/acme/infra/issues/comments/555/reactions'),
    ]);
    expect(h.github.issueComments).toHaveLength(1);
    expect(h.github.reactions.map((r) => r.content)).toEqual(['confused', 'confused', 'confused']);
    expect(h.github.checkRuns.size).toBe(0);
  });

  it('a permitted user is looked up once per pull request', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], permissions: { alice: 'write' } });
    await h.send('issue_comment', commentPayload('/sg-review help'));
    await h.send('issue_comment', commentPayload('/sg-review help'));
    expect(h.calls()).toEqual([
      'GET /repos/acme/infra/collaborators/alice/permission',
      'POST /repos/acme/infra/issues/1/comments',
      'POST /repos/acme/infra/issues/1/comments',
    ]);
  });

  it('/sg-review on a closed pull request says so and runs nothing', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [{ ...examplePull, state: 'closed' }], permissions: { alice: 'write' } });
    await h.send('issue_comment', commentPayload('/sg-review'));
    expect(h.calls()).toEqual([
      'GET /repos/acme/infra/collaborators/alice/permission',
      'GET /repos/acme/infra/pulls/1',
      'POST /repos/acme/infra/issues/1/comments',
    ]);
    expect(h.github.issueComments[0]!.body).toMatch(/^This pull request is closed: sg-review reviews open pull requests only/);
    expect(h.github.checkRuns.size).toBe(0);
  });

  it('bots (this app included), plain issues and other comments are ignored', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], permissions: { alice: 'admin' } });
    await h.send('issue_comment', commentPayload('/sg-review', { bot: true, sender: 'sg-review[bot]' }));
    await h.send('issue_comment', commentPayload('/sg-review', { onPull: false }));
    await h.send('issue_comment', commentPayload('looks good to me\n/sg-review'));
    expect(h.github.requests).toEqual([]);
  });

  it('help replies with usage to a permitted user; an unknown subcommand says so', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], permissions: { alice: 'maintain' } });
    await h.send('issue_comment', commentPayload('/sg-review help'));
    await h.send('issue_comment', commentPayload('/sg-review frobnicate'));
    expect(h.calls()).toEqual([
      'GET /repos/acme/infra/collaborators/alice/permission',
      'POST /repos/acme/infra/issues/1/comments',
      'POST /repos/acme/infra/issues/1/comments',
    ]);
    expect(h.github.issueComments[0]!.body).toContain('`/sg-review help`');
    expect(h.github.issueComments[1]!.body).toMatch(/^Unknown command `\/sg-review frobnicate`/);
  });
});

describe('re-runs and merge queue', () => {
  it('check_run rerequested on a fork PR (no pull_requests) finds the PR through external_id', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    await h.send(
      'check_run',
      payload('check_run', 'rerequested', (p) => {
        p['check_run'] = { ...p['check_run'], name: 'sg-review', external_id: '1', pull_requests: [], head_sha: HEAD };
      }),
    );
    expect(h.calls()).toEqual(['GET /repos/acme/infra/pulls/1', ...RUN]);
  });

  it('the Re-run button (requested_action rerun) re-runs; other checks and actions are ignored', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    await h.send(
      'check_run',
      payload('check_run', 'requested_action', (p) => {
        p['check_run'] = { ...p['check_run'], name: 'other-check', external_id: '1' };
      }),
    );
    await h.send(
      'check_run',
      payload('check_run', 'requested_action', (p) => {
        p['check_run'] = { ...p['check_run'], name: 'sg-review', external_id: '1' };
        p['requested_action'] = { identifier: 'something-else' };
      }),
    );
    expect(h.github.requests).toEqual([]);
    await h.send(
      'check_run',
      payload('check_run', 'requested_action', (p) => {
        p['check_run'] = { ...p['check_run'], name: 'sg-review', external_id: '1', pull_requests: [] };
        p['requested_action'] = { identifier: 'rerun' };
      }),
    );
    expect(h.calls()).toEqual(['GET /repos/acme/infra/pulls/1', ...RUN]);
  });

  it('check_suite rerequested without pull_requests looks up the check run on the head SHA', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    h.github.checkRuns.set(99, { id: 99, name: 'sg-review', head_sha: HEAD, external_id: '1', annotations: [] });
    await h.send(
      'check_suite',
      payload('check_suite', 'rerequested', (p) => {
        p['check_suite'] = { ...p['check_suite'], head_sha: HEAD, pull_requests: [] };
      }),
    );
    expect(h.calls()).toEqual([`GET /repos/acme/infra/commits/${HEAD}/check-runs`, 'GET /repos/acme/infra/pulls/1', ...RUN]);
  });

  it('merge_group checks_requested reports the check on the merge commit, without review comments', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    await h.send(
      'merge_group',
      payload('merge_group', 'checks_requested', (p) => {
        p['merge_group'] = { ...p['merge_group'], head_sha: HEAD, base_sha: TIP };
      }),
    );
    expect(h.calls()).toEqual([
      'POST /repos/acme/infra/check-runs',
      `GET /repos/acme/infra/commits/${HEAD}/check-runs`,
      'GET /repos/acme/infra/contents/.github%2Fsg-review.yml',
      `GET /repos/acme/infra/compare/${TIP}...${HEAD}`,
      `GET /repos/acme/infra/git/trees/${HEAD}`,
      'POST /graphql',
      'PATCH /repos/acme/infra/check-runs/100',
    ]);
    expect(h.github.checkRuns.get(100)).toMatchObject({ head_sha: HEAD, external_id: `merge-group:${HEAD}`, conclusion: 'failure' });
  });

  it('merge_group: when GitHub cuts the compare at 300 files, the check says so and does not pass', async () => {
    const commits = exampleCommits();
    // 300 documentation files sort before the Terraform change, which GitHub then leaves out
    for (let i = 0; i < 300; i++) commits[HEAD]![`docs/${String(i).padStart(3, '0')}.md`] = 'x\n';
    const h = harness({ commits, pulls: [examplePull] });
    await h.send(
      'merge_group',
      payload('merge_group', 'checks_requested', (p) => {
        p['merge_group'] = { ...p['merge_group'], head_sha: HEAD, base_sha: TIP };
      }),
    );
    expect(h.github.checkRuns.get(100)).toMatchObject({ conclusion: 'failure', output: { summary: expect.stringContaining('at most 300 files') } });
  });
});
