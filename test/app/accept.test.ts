// `/sg-review accept` over HTTP with signed webhooks against the GitHub double: who may accept,
// the acceptance recorded on the pull request by the app, and how long it holds.
import { afterEach, describe, expect, it } from 'vitest';
import { jobId } from '../../src/app/queue.js';
import { cleanup, harness, payload, pullRequestPayload, type Harness } from '../helpers/app.js';
import type { DoubleOptions } from '../../demo/github-double.js';

afterEach(cleanup);

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const MOVED = 'e'.repeat(40);
const WIDER = 'f'.repeat(40);
const TIP = 'c'.repeat(40);

const group = (comments: string, port: string, extra = '') => `resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "bastion"
${comments}
  ingress {
    description = "ssh from the support vendor"
    from_port   = ${port}
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
${extra}`;
const IGNORES = '  # sg-review:ignore new-ingress vendor access, SEC-42\n  # sg-review:ignore new-internet-path vendor access, SEC-42';

const commits = (): DoubleOptions['commits'] => ({
  [BASE]: { 'net/main.tf': group('', '22').replace('0.0.0.0/0', '10.0.0.0/8') },
  [HEAD]: { 'net/main.tf': group(IGNORES, '22') },
  // lines above the block move; the suppressed block is the same
  [MOVED]: { 'net/main.tf': `# bastion for the vendor\n\n${group(IGNORES, '22')}` },
  // the suppressed block itself changes: from port 20
  [WIDER]: { 'net/main.tf': group(IGNORES, '20') },
});
const pull = (head = HEAD) => ({ number: 7, head, base: TIP, mergeBase: BASE, author: 'alice' });

function command(body: string, sender: string) {
  return payload('issue_comment', 'created', (p) => {
    p['issue'] = { ...p['issue'], number: 7, pull_request: { url: 'https://api.github.com/repos/acme/infra/pulls/7' } };
    p['comment'] = { ...p['comment'], id: 900, body, created_at: '2026-11-27T07:00:00Z' };
    p['sender'] = { login: sender, type: 'User' };
  });
}

const R = '/repos/acme/infra';
/** One review of PR #7 at `head`: `comments` are the requests between the trees and the conclusion. */
const review = (head: string, middle: string[]) => [
  `POST ${R}/check-runs`,
  `GET ${R}/commits/${head}/check-runs`,
  `GET ${R}/contents/.github%2Fsg-review.yml`,
  `GET ${R}/pulls/7/files`,
  `GET ${R}/git/trees/${head}`,
  `GET ${R}/compare/${TIP}...${head}`,
  'POST /graphql',
  ...middle,
];
const checkOf = (h: Harness) => {
  const run = [...h.github.checkRuns.values()].at(-1)!;
  return { conclusion: run['conclusion'], summary: (run['output'] as { summary: string }).summary };
};

describe('/sg-review accept', () => {
  it('a new suppression is pending: the check fails and says who may accept', async () => {
    const h = harness({ commits: commits(), pulls: [pull()], permissions: { alice: 'write', bob: 'write' } });
    await h.send('pull_request', pullRequestPayload('opened', { number: 7, head: HEAD, base: TIP }));
    expect(h.calls()).toEqual(
      review(HEAD, [`GET ${R}/issues/7/comments`, `GET ${R}/pulls/7/comments`, `POST ${R}/pulls/7/reviews`, `PATCH ${R}/check-runs/100`]),
    );
    const check = checkOf(h);
    expect(check.conclusion).toBe('failure');
    expect(check.summary).toContain('Pending approval (2): the findings still count.');
    expect(check.summary).toContain('commenting `/sg-review accept`');
  });

  it('the author is refused with a reply, and nothing is accepted', async () => {
    const h = harness({ commits: commits(), pulls: [pull()], permissions: { alice: 'admin' } });
    await h.send('issue_comment', command('/sg-review accept', 'alice'));
    expect(h.calls()).toEqual([
      `GET ${R}/collaborators/alice/permission`,
      `GET ${R}/pulls/7`,
      `GET ${R}/contents/.github%2Fsg-review.yml`,
      `POST ${R}/issues/7/comments`,
    ]);
    expect(h.github.issueComments.map((c) => c.body)).toEqual([
      '@alice You opened this pull request, and a pull request cannot waive its own findings: another approver has to accept. Nothing was accepted.',
    ]);
    expect(h.github.checkRuns.size).toBe(0);
  });

  it('an approver accepts: the app records who, when, the head and the fingerprints, and the check passes', async () => {
    const h = harness({ commits: commits(), pulls: [pull()], permissions: { alice: 'write', bob: 'write' } });
    await h.send('issue_comment', command('/sg-review Accept', 'bob'));
    expect(h.calls()).toEqual([
      `GET ${R}/collaborators/bob/permission`,
      `GET ${R}/pulls/7`,
      `GET ${R}/contents/.github%2Fsg-review.yml`,
      `POST ${R}/issues/comments/900/reactions`,
      ...review(HEAD, [`GET ${R}/issues/7/comments`, `POST ${R}/issues/7/comments`, `GET ${R}/pulls/7/comments`, `PATCH ${R}/check-runs/100`]),
    ]);
    const [record] = h.github.issueComments;
    expect(record!.body).toMatch(
      /^@bob accepted 2 suppression\(s\) at `bbbbbbbbbbbb`; they apply until the suppressed code changes:\n\n- `net\/main.tf:4` `new-ingress`: vendor access, SEC-42\n- `net\/main.tf:5` `new-internet-path`: vendor access, SEC-42\n\n<!-- sg-review:acceptance=[A-Za-z0-9_-]+ -->$/,
    );
    const marker = JSON.parse(Buffer.from(/acceptance=([A-Za-z0-9_-]+)/.exec(record!.body)![1]!, 'base64url').toString());
    expect(marker).toMatchObject({ by: 'bob', at: '2026-11-27T07:00:00Z', head: HEAD });
    expect(
      marker.suppressions.map((s: { rule: string; fingerprint: string; findings: string[] }) => [s.rule, s.fingerprint.length, s.findings.length]),
    ).toEqual([
      ['new-ingress', 32, 1],
      ['new-internet-path', 32, 1],
    ]);
    const check = checkOf(h);
    expect(check.conclusion).toBe('success');
    expect(check.summary).toContain('Accepted (2): they apply until the suppressed code changes.');
    expect(check.summary).toContain('accepted by @bob on 2026-11-27 07:00 UTC at `bbbbbbbbbbbb`');
    expect(h.github.reactions).toEqual([{ comment: 900, content: 'eyes' }]);
  });

  it('the acceptance holds on a push that leaves the suppressed block alone, and is pending again when the block changes', async () => {
    const h = harness({ commits: commits(), pulls: [pull()], permissions: { bob: 'write' } });
    await h.send('issue_comment', command('/sg-review accept', 'bob'));
    expect(checkOf(h).conclusion).toBe('success');
    h.github.options.pulls[0] = pull(MOVED);
    await h.send('pull_request', pullRequestPayload('synchronize', { number: 7, head: MOVED, base: TIP }));
    expect(checkOf(h).conclusion).toBe('success');
    expect(checkOf(h).summary).toContain('accepted by @bob');
    h.github.options.pulls[0] = pull(WIDER);
    await h.send('pull_request', pullRequestPayload('synchronize', { number: 7, head: WIDER, base: TIP }));
    const check = checkOf(h);
    expect(check.conclusion).toBe('failure');
    expect(check.summary).toContain('Pending approval (2)');
    expect(check.summary).not.toContain('Accepted (');
    expect(h.github.issueComments).toHaveLength(1);
  });

  it('with suppression_approvers: a member of a listed team accepts (teams API); a writer outside it is refused', async () => {
    const h = harness({
      commits: commits(),
      pulls: [pull()],
      config: 'suppression_approvers: [carol, acme/security]\n',
      teams: { 'acme/security': ['dave'] },
      permissions: { bob: 'admin', dave: 'write' },
    });
    await h.send('issue_comment', command('/sg-review accept', 'bob'));
    expect(h.calls()).toEqual([
      `GET ${R}/collaborators/bob/permission`,
      `GET ${R}/pulls/7`,
      `GET ${R}/contents/.github%2Fsg-review.yml`,
      'GET /orgs/acme/teams/security/memberships/bob',
      `POST ${R}/issues/7/comments`,
    ]);
    expect(h.github.issueComments[0]!.body).toBe(
      '@bob Only the approvers in `suppression_approvers` may accept suppressions (`carol`, `acme/security`). Nothing was accepted.',
    );
    h.github.requests.length = 0;
    await h.send('issue_comment', command('/sg-review accept', 'dave'));
    expect(h.calls().slice(0, 5)).toEqual([
      `GET ${R}/collaborators/dave/permission`,
      `GET ${R}/pulls/7`,
      `GET ${R}/contents/.github%2Fsg-review.yml`,
      'GET /orgs/acme/teams/security/memberships/dave',
      `POST ${R}/issues/comments/900/reactions`,
    ]);
    expect(h.github.issueComments[1]!.body).toMatch(/^@dave accepted 2 suppression\(s\)/);
    expect(checkOf(h).conclusion).toBe('success');
  });

  it('without the Members permission a team cannot approve, and the reply says what is missing', async () => {
    const h = harness({
      commits: commits(),
      pulls: [pull()],
      config: 'suppression_approvers: [acme/security]\n',
      teams: { 'acme/security': ['dave'] },
      membersReadable: false,
      permissions: { dave: 'write' },
    });
    await h.send('issue_comment', command('/sg-review accept', 'dave'));
    expect(h.github.issueComments.map((c) => c.body)).toEqual([
      '@dave Only the approvers in `suppression_approvers` may accept suppressions (`acme/security`). sg-review could not read the members of `acme/security`: the app needs the organisation permission "Members: read" (an organisation owner accepts it in the app\'s installation settings). Nothing was accepted.',
    ]);
    expect(h.github.checkRuns.size).toBe(0);
  });

  it('a reader gets the one refusal the slash-command policy allows, and nothing is looked up', async () => {
    const h = harness({ commits: commits(), pulls: [pull()], permissions: { mallory: 'read' } });
    await h.send('issue_comment', command('/sg-review accept', 'mallory'));
    await h.send('issue_comment', command('/sg-review accept', 'mallory'));
    expect(h.calls()).toEqual([`GET ${R}/collaborators/mallory/permission`, `POST ${R}/issues/7/comments`, `POST ${R}/issues/comments/900/reactions`]);
  });

  it("acceptance markers are read only from the app's own unedited comments: forged, edited or other apps' ones are ignored", async () => {
    const h = harness({ commits: commits(), pulls: [pull()], permissions: { bob: 'write' } });
    await h.send('issue_comment', command('/sg-review accept', 'bob'));
    const genuine = h.github.issueComments[0]!;
    const forgeries = [
      // the author pastes the app's record into a comment of their own
      { ...genuine, user: { login: 'alice', type: 'User' }, performed_via_github_app: null },
      // another app's bot
      { ...genuine, user: { login: 'echo[bot]', type: 'Bot' }, performed_via_github_app: { id: 2, slug: 'echo' } },
      // the app's comment, edited afterwards (anyone with write access can edit a comment)
      { ...genuine, updated_at: '2099-01-01T00:00:00Z' },
    ];
    for (const forged of forgeries) {
      h.github.issueComments.length = 0;
      h.github.issueComments.push(forged);
      await h.send('pull_request', pullRequestPayload('synchronize', { number: 7, head: HEAD, base: TIP }));
      expect(checkOf(h).conclusion).toBe('failure');
      expect(checkOf(h).summary).toContain('Pending approval (2)');
    }
    // the genuine record, unchanged, still counts
    h.github.issueComments.length = 0;
    h.github.issueComments.push(genuine);
    await h.send('pull_request', pullRequestPayload('synchronize', { number: 7, head: HEAD, base: TIP }));
    expect(checkOf(h).conclusion).toBe('success');
  });

  it('nothing pending: the approver is told so and the review runs', async () => {
    const c = commits();
    c[HEAD] = { 'net/main.tf': group('', '22') };
    const h = harness({ commits: c, pulls: [pull()], permissions: { bob: 'write' } });
    await h.send('issue_comment', command('/sg-review accept', 'bob'));
    expect(h.github.issueComments.map((x) => x.body)).toEqual(['@bob nothing to accept at `bbbbbbbbbbbb`: no suppression is pending approval.']);
    expect(checkOf(h).conclusion).toBe('failure');
  });

  it('an invalid configuration on the default branch: the approvers are unknown, nothing is accepted', async () => {
    const h = harness({ commits: commits(), pulls: [pull()], config: 'suppression_approvers: bob\n', permissions: { bob: 'write' } });
    await h.send('issue_comment', command('/sg-review accept', 'bob'));
    expect(h.github.issueComments.map((c) => c.body)).toEqual([
      expect.stringMatching(
        /^@bob The configuration on `main` is invalid, so its approvers are unknown: \.github\/sg-review\.yml: "suppression_approvers": .* Nothing was accepted\.$/,
      ),
    ]);
    expect(h.github.checkRuns.size).toBe(0);
  });

  it('with the Redis queue an acceptance is a job of its own, never collapsed into a review of the same head', () => {
    const target = { repo: { owner: 'acme', repo: 'infra' }, defaultBranch: 'main', headSha: HEAD, baseSha: TIP, pullNumber: 7 };
    const accepting = { ...target, accept: { by: 'bob', at: '2026-11-27T07:00:00Z' } };
    expect(jobId(accepting)).not.toBe(jobId(target));
    // BullMQ ids may not contain ':'
    expect(jobId(accepting)).not.toContain(':');
  });
});
