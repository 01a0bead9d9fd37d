// A pull request that changes `.github/sg-review.yml`: the review keeps the default branch's
// configuration, and the check summary lists what the proposed one relaxes; a relaxation waits
// for an approver's `/sg-review accept`, as a suppression the pull request adds does.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, payload, pullRequestPayload, type Harness } from '../helpers/app.js';

afterEach(cleanup);

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const TIP = 'c'.repeat(40);
const CONFIG = '.github/sg-review.yml';
const IN_FORCE = 'fail_on: high\ndisabled_rules: [missing-description]\n';
const TERRAFORM = { 'net/main.tf': 'resource "aws_security_group" "web" {\n  name = "web"\n}\n' };

/** PR #7 changes the configuration (and `head` the rest of the files) from IN_FORCE to `proposed`. */
function configPull(proposed: string | null, head: Record<string, string> = TERRAFORM, config = IN_FORCE, permissions = { bob: 'write' }) {
  return harness({
    commits: {
      [BASE]: { ...TERRAFORM, [CONFIG]: config },
      [HEAD]: { ...head, ...(proposed === null ? {} : { [CONFIG]: proposed }) },
    },
    config,
    pulls: [{ number: 7, head: HEAD, base: TIP, mergeBase: BASE, author: 'alice' }],
    permissions,
  });
}
const checkOf = (h: Harness) => {
  const run = [...h.github.checkRuns.values()].at(-1)!;
  const { title, summary } = run['output'] as { title: string; summary: string };
  return { conclusion: run['conclusion'], title, summary };
};
const open = (h: Harness) => h.send('pull_request', pullRequestPayload('opened', { number: 7, head: HEAD, base: TIP }));
const accept = (h: Harness, sender: string) =>
  h.send(
    'issue_comment',
    payload('issue_comment', 'created', (p) => {
      p['issue'] = { ...p['issue'], number: 7, pull_request: { url: 'https://api.github.com/repos/acme/infra/pulls/7' } };
      p['comment'] = { ...p['comment'], id: 900, body: '/sg-review accept', created_at: '2026-11-28T09:30:00Z' };
      p['sender'] = { login: sender, type: 'User' };
    }),
  );

describe('a pull request changing the configuration', () => {
  it('with no Terraform change, a relaxed configuration is listed and fails the check until approved', async () => {
    const h = configPull(
      'fail_on: critical\ndisabled_rules: [missing-description, new-ingress]\nignore_paths: ["legacy/**"]\ntrusted_cidrs: ["0.0.0.0/0"]\nmax_instances: 5000\nmax_hops: 2\nreview_comments: false\n',
    );
    await open(h);
    const check = checkOf(h);
    expect(check.conclusion).toBe('failure');
    expect(check.title).toBe('sg-review: No new exposure or ownership hazard; configuration relaxed, pending approval');
    expect(check.summary).toContain('### Configuration changed by this pull request');
    expect(check.summary).toContain("Compared with `main`'s, it relaxes the review:");
    for (const relaxed of [
      '- `fail_on` raised from `"high"` to `"critical"`',
      '- `disabled_rules` adds `"new-ingress"`',
      '- `ignore_paths` adds `"legacy/**"`',
      '- `trusted_cidrs` adds `"0.0.0.0/0"`',
      '- `max_instances` raised from 1000 to 5000',
      // a path beyond it is a high analysis-limit in place of a critical new-internet-path
      '- `max_hops` lowered from 4 to 2',
    ])
      expect(check.summary).toContain(relaxed);
    expect(check.summary).not.toContain('`disabled_rules` adds `"missing-description"`');
    // no line comments: every finding stays in the summary, the conclusion the same
    expect(check.summary).toContain('Its other changes: `review_comments`.');
    expect(check.summary).toContain('Until then the check fails.');
  });

  it('an approver accepts it with /sg-review accept (recorded like a suppression); the author cannot', async () => {
    const h = configPull('fail_on: never\n', TERRAFORM, IN_FORCE, { alice: 'admin', bob: 'write' } as never);
    await accept(h, 'alice');
    expect(h.github.issueComments.at(-1)!.body).toContain('a pull request cannot waive its own findings');
    await accept(h, 'bob');
    const record = h.github.issueComments.at(-1)!.body;
    expect(record).toMatch(/^@bob accepted the relaxed configuration at `bbbbbbbbbbbb`; the configuration holds until either file changes:/);
    expect(record).toContain('- `.github/sg-review.yml:1` `configuration`: relaxes fail_on');
    const check = checkOf(h);
    expect(check.conclusion).toBe('success');
    expect(check.title).toBe('sg-review: No new exposure or ownership hazard.');
    expect(check.summary).toContain('Accepted by @bob on 2026-11-28 09:30 UTC at `bbbbbbbbbbbb`.');
    // a later review of the same head reads the record: still accepted
    await open(h);
    expect(checkOf(h).conclusion).toBe('success');
  });

  it('one /sg-review accept takes the suppressions the PR adds and its relaxed configuration together', async () => {
    const suppressed = {
      'net/main.tf':
        'resource "aws_security_group" "web" {\n  name = "web"\n  # sg-review:ignore new-ingress vendor access, SEC-42\n  ingress {\n    description = "vendor"\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    };
    const h = configPull('fail_on: critical\n', suppressed);
    await open(h);
    expect(checkOf(h).conclusion).toBe('failure');
    await accept(h, 'bob');
    const record = h.github.issueComments.at(-1)!.body;
    expect(record).toMatch(
      /^@bob accepted 1 suppression\(s\) and the relaxed configuration at `bbbbbbbbbbbb`; the suppressions apply until the suppressed code changes; the configuration holds until either file changes:/,
    );
    expect(record).toContain('- `net/main.tf:3` `new-ingress`: vendor access, SEC-42');
    expect(record).toContain('- `.github/sg-review.yml:1` `configuration`: relaxes fail_on');
  });

  it('with Terraform changes, the findings and the relaxation are both listed; a tightening passes with a notice', async () => {
    const widened = {
      'net/main.tf': TERRAFORM['net/main.tf'].replace(
        '}\n',
        '  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
      ),
    };
    const h = configPull('fail_on: never\n', widened);
    await open(h);
    const check = checkOf(h);
    // reviewed under the configuration in force (fail_on high), whatever the PR proposes
    expect(check.conclusion).toBe('failure');
    expect(check.title).toMatch(/^sg-review: \d+ critical.*; configuration relaxed, pending approval$/);
    expect(check.summary).toContain('- `fail_on` raised from `"high"` to `"never"`');
    cleanup();

    const tighter = configPull('fail_on: medium\ndisabled_rules: []\n');
    await open(tighter);
    const notice = checkOf(tighter);
    expect(notice.conclusion).toBe('success');
    expect(notice.title).toBe('sg-review: No new exposure or ownership hazard.');
    expect(notice.summary).toContain("Compared with `main`'s, it relaxes nothing.");
    expect(notice.summary).toContain('Its other changes: `fail_on`, `disabled_rules`.');
  });

  it('removing the file relaxes to the defaults; an invalid file is reported, not a relaxation', async () => {
    const removed = configPull(null);
    await open(removed);
    expect(checkOf(removed).conclusion).toBe('success');
    expect(checkOf(removed).summary).toContain('relaxes nothing');
    cleanup();
    const h = configPull('fail_on: whenever\n');
    await open(h);
    const check = checkOf(h);
    expect(check.conclusion).toBe('success');
    expect(check.summary).toContain('The configuration it proposes is invalid, so every review after the merge would end "invalid configuration":');
    expect(check.summary).toContain('fail_on');
  });

  it('under fail_on: never in force, a relaxation is listed and pending, and the check does not fail', async () => {
    const h = configPull('fail_on: never\ndisabled_rules: [new-ingress]\n', TERRAFORM, 'fail_on: never\n');
    await open(h);
    const check = checkOf(h);
    expect(check.conclusion).toBe('success');
    expect(check.summary).toContain('- `disabled_rules` adds `"new-ingress"`');
    expect(check.summary).not.toContain('Until then the check fails.');
  });
});
