import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { BASE, HEAD, TIP, exampleCommits, examplePull, reviewRequests } from './fixtures.js';

afterEach(cleanup);

const FULL_FLOW = reviewRequests();
const FIXED = 'd'.repeat(40);

/** The example commits plus FIXED: the author drops the rule that opened the web tier; the database rule stays. */
function withFix() {
  const commits = exampleCommits();
  const head = commits[HEAD]!['network/main.tf']!;
  const start = head.indexOf('# Quick fix for the health checker');
  const end = head.indexOf('resource "aws_vpc_security_group_egress_rule" "web_to_db"');
  commits[FIXED] = { ...commits[HEAD]!, 'network/main.tf': head.slice(0, start) + head.slice(end) };
  return commits;
}

describe('pull_request', () => {
  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])('%s: check run, one review, conclusion, in 10 requests', async (action) => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload(action, { number: 1, head: HEAD, base: TIP }));
    expect(h.calls()).toEqual(FULL_FLOW);
    const created = h.github.requests[1]!.body as Record<string, unknown>;
    expect(created).toMatchObject({ name: 'sg-review', head_sha: HEAD, status: 'in_progress', external_id: '1' });
    expect(h.github.requests[3]!.path).toBe('/repos/acme/infra/contents/.github%2Fsg-review.yml?ref=main');
    // the merge base is read, never the base branch tip
    const graphql = h.github.requests.find((r) => r.path === '/graphql')!.body as { query: string; variables: Record<string, string> };
    expect(graphql.query).toContain(`object(expression: "${BASE}:network")`);
    expect(graphql.query).toContain(`object(expression: "${HEAD}:network")`);
    expect(graphql.query).not.toContain(TIP);
    const run = h.github.checkRuns.get(100)!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect((run['output'] as { title: string }).title).toBe('sg-review: 1 critical, 3 high, 1 medium, 2 low');
    expect((run['output'] as { summary: string }).summary).toContain('```mermaid');
    expect(run.annotations).toHaveLength(7);
    expect(run['actions']).toEqual([{ label: 'Re-run', description: 'Run sg-review again', identifier: 'rerun' }]);
    const [review] = h.github.reviews;
    expect(review!.body).toMatchObject({ event: 'COMMENT', commit_id: HEAD });
    const comments = review!.body['comments'] as { path: string; line: number; start_line?: number; body: string }[];
    expect(comments.map((c) => [c.path, c.start_line, c.line])).toEqual([
      ['network/main.tf', 52, 58],
      ['network/main.tf', 52, 58],
      ['network/main.tf', 52, 58],
      ['network/main.tf', 84, 91],
      ['network/main.tf', 84, 91],
      ['network/main.tf', 52, 58],
      ['network/main.tf', 84, 91],
    ]);
    for (const c of comments) expect(c.body).toMatch(/<!-- sg-review:fingerprint=[0-9a-f]{32} -->$/);
    expect(comments.find((c) => c.body.includes('missing-description'))!.body).toContain(
      '```suggestion\nresource "aws_vpc_security_group_ingress_rule" "web_health" {\n  description = "TODO',
    );
  });

  it('says so in the summary when GitHub listed fewer files than the PR changes (the 3,000-file cap)', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    const p = pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP });
    p['pull_request'].changed_files = 3500;
    await h.send('pull_request', p);
    expect((h.github.checkRuns.get(100)!['output'] as { summary: string }).summary).toContain(
      'GitHub lists at most 3,000 files of a pull request (1 of 3500 listed): every Terraform directory at the merge base and at the head was analysed.',
    );
  });

  it('the 3,000-file cap never turns into "no Terraform changes": the Terraform directories at both revisions are analysed', async () => {
    const h = harness({
      commits: exampleCommits(),
      pulls: [examplePull],
      // the .tf change is beyond the cap: the listing shows only a README
      fail: (r) =>
        r.method === 'GET' && r.path.includes('/pulls/1/files')
          ? {
              status: 200,
              body: [{ sha: 'f'.repeat(40), filename: 'README.md', status: 'modified', additions: 1, deletions: 0, changes: 1, patch: '@@ -1 +1 @@\n-a\n+b' }],
            }
          : null,
    });
    const p = pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP });
    p['pull_request'].changed_files = 3500;
    await h.send('pull_request', p);
    const run = h.github.checkRuns.get(100)!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect((run['output'] as { title: string }).title).not.toMatch(/no Terraform changes/);
    expect((run['output'] as { summary: string }).summary).toMatch(/every Terraform directory at the merge base and at the head was analysed/);
  });

  it('a fork PR is read by SHA through the base repository', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }, true));
    const graphql = h.github.requests.find((r) => r.path === '/graphql')!.body as { variables: Record<string, string> };
    expect(graphql.variables).toMatchObject({ owner: 'acme', repo: 'infra' });
    expect(h.calls()).toEqual(FULL_FLOW);
  });

  it('a PR without Terraform changes gets a success check at once', async () => {
    const h = harness({ commits: { [BASE]: { 'README.md': 'a' }, [HEAD]: { 'README.md': 'b' } }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.calls()).toEqual([
      'POST /repos/acme/infra/check-runs',
      `GET /repos/acme/infra/commits/${HEAD}/check-runs`,
      'GET /repos/acme/infra/contents/.github%2Fsg-review.yml',
      'GET /repos/acme/infra/pulls/1/files',
      // a link elsewhere may lead into the changed file
      `GET /repos/acme/infra/git/trees/${HEAD}`,
      'PATCH /repos/acme/infra/check-runs/100',
    ]);
    expect(h.github.checkRuns.get(100)).toMatchObject({ conclusion: 'success', output: { title: 'sg-review: no Terraform changes' } });
  });

  it('sends more than 50 annotations in batches of 50', async () => {
    const rules = Array.from(
      { length: 60 },
      (_, i) =>
        `resource "aws_security_group_rule" "r${i}" {\n  type              = "ingress"\n  security_group_id = "sg-123"\n  protocol          = "tcp"\n  from_port         = ${1000 + i}\n  to_port           = ${1000 + i}\n  cidr_blocks       = ["10.${i}.0.0/16"]\n  description       = "r${i}"\n}\n`,
    ).join('\n');
    const h = harness({ commits: { [BASE]: { 'main.tf': '' }, [HEAD]: { 'main.tf': rules } }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const patches = h.github.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => ((p.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length)).toEqual([50, 10]);
    expect((patches[0]!.body as Record<string, unknown>)['conclusion']).toBeUndefined();
    expect(patches[1]!.body).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(h.github.checkRuns.get(100)!.annotations).toHaveLength(60);
  });

  it('a re-run posts nothing new, and a later push resolves threads of findings that disappeared', async () => {
    const commits = withFix();
    const h = harness({ commits, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.reviews).toHaveLength(1);
    await h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.reviews).toHaveLength(1); // nothing new: no second review
    expect(h.github.checkRuns.get(101)).toMatchObject({ conclusion: 'failure' });
    h.github.options.pulls[0] = { ...examplePull, head: FIXED };
    await h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: FIXED, base: TIP }));
    // the four findings of the dropped rule are gone: their threads are resolved, nothing is re-posted
    expect(h.github.resolvedThreads).toHaveLength(4);
    expect(h.github.reviews).toHaveLength(1);
    expect(h.github.checkRuns.get(102)).toMatchObject({ conclusion: 'failure' });
  });

  it('resolves the threads of findings that disappeared when they are past the first 100 review threads', async () => {
    const commits = withFix();
    const h = harness({ commits, pulls: [examplePull] });
    // 150 threads people started before the app commented
    for (let i = 0; i < 150; i++)
      h.github.reviewComments.push({ id: i + 1, pull: 1, path: 'network/main.tf', line: 1, body: 'why?', user: { login: 'dev', type: 'User' } });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    h.github.options.pulls[0] = { ...examplePull, head: FIXED };
    await h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: FIXED, base: TIP }));
    expect(h.github.resolvedThreads).toHaveLength(4);
  });

  it('uses one installation token per installation and tags every request with the delivery id', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }), 'delivery-a');
    await h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP }), 'delivery-b');
    expect(h.github.requests.filter((r) => r.path.includes('access_tokens'))).toHaveLength(1);
    const api = h.github.requests.filter((r) => !r.path.includes('access_tokens'));
    expect(api.map((r) => r.headers?.['x-github-delivery'])).toEqual([...Array(10).fill('delivery-a'), ...Array(api.length - 10).fill('delivery-b')]);
  });

  it('the same delivery received twice posts nothing twice', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    const p = pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP });
    await h.send('pull_request', p, 'same-id');
    await h.send('pull_request', p, 'same-id');
    expect(h.calls()).toEqual(FULL_FLOW);
  });

  it('a newer push supersedes a running analysis: the older result is not posted', async () => {
    const commits = exampleCommits();
    const NEWER = 'e'.repeat(40);
    commits[NEWER] = commits[HEAD]!;
    // the first run's file read is slow; the second push arrives meanwhile
    // the PR's current head on GitHub is the newer push
    const h = harness({ commits, pulls: [{ ...examplePull, head: NEWER }] }, (method, path) =>
      method === 'POST' && path === '/graphql' && h.github.requests.filter((r) => r.path === '/graphql').length === 1 ? 300 : 0,
    );
    const first = h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP }));
    await new Promise((r) => setTimeout(r, 100));
    await h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: NEWER, base: TIP }));
    await first;
    expect(h.github.reviews).toHaveLength(1);
    expect(h.github.reviews[0]!.body['commit_id']).toBe(NEWER);
    const runs = [...h.github.checkRuns.values()];
    expect(runs.find((r) => r['head_sha'] === HEAD)).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { title: 'sg-review: superseded' } });
    expect(runs.find((r) => r['head_sha'] === NEWER)).toMatchObject({ conclusion: 'failure' });
  });

  describe('an older push delivered after a newer one (out of order)', () => {
    const NEWER = 'e'.repeat(40);
    const setup = (delayFor?: (method: string, path: string) => number) => {
      const commits = exampleCommits();
      commits[NEWER] = commits[HEAD]!;
      return harness({ commits, pulls: [{ ...examplePull, head: NEWER }] }, delayFor);
    };
    const expectHeadWins = (h: ReturnType<typeof setup>) => {
      expect(h.github.reviews.map((r) => r.body['commit_id'])).toEqual([NEWER]);
      const runs = [...h.github.checkRuns.values()];
      expect(runs.filter((r) => r['head_sha'] === NEWER)).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
      expect(runs.filter((r) => r['head_sha'] === HEAD)).toEqual([
        expect.objectContaining({ status: 'completed', conclusion: 'neutral', output: expect.objectContaining({ title: 'sg-review: superseded' }) }),
      ]);
    };

    it('while the head is analysed: the head is posted, the older push is superseded', async () => {
      // the head's file read is slow; the older push arrives meanwhile
      const h = setup((method, path) =>
        method === 'POST' && path === '/graphql' && h.github.requests.filter((r) => r.path === '/graphql').length === 1 ? 300 : 0,
      );
      const newer = h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: NEWER, base: TIP }));
      await new Promise((r) => setTimeout(r, 100));
      await h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP }));
      await newer;
      expectHeadWins(h);
    });

    it('after the head was reviewed: the older push posts nothing', async () => {
      const h = setup();
      await h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: NEWER, base: TIP }));
      await h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP }));
      expectHeadWins(h);
    });
  });

  it('an invalid config concludes failure naming the bad key', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], config: 'fail_on: severe\nmax_hop: 3\n' });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.calls()).toEqual([
      'POST /repos/acme/infra/check-runs',
      `GET /repos/acme/infra/commits/${HEAD}/check-runs`,
      'GET /repos/acme/infra/contents/.github%2Fsg-review.yml',
      'PATCH /repos/acme/infra/check-runs/100',
    ]);
    const run = h.github.checkRuns.get(100)!;
    expect(run).toMatchObject({ conclusion: 'failure', output: { title: 'sg-review: invalid configuration' } });
    expect((run['output'] as { summary: string }).summary).toMatch(/unknown key "max_hop".*"fail_on"|"fail_on".*unknown key "max_hop"/s);
  });

  it('the config on the default branch applies: fail_on never turns the conclusion to success', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], config: 'fail_on: never\nreview_comments: false\n' });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.checkRuns.get(100)).toMatchObject({ conclusion: 'success' });
    expect(h.calls()).not.toContain('POST /repos/acme/infra/pulls/1/reviews');
  });

  it('ignore_paths on the default branch takes changed files out of scope', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], config: 'ignore_paths: ["network/**"]\n' });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.checkRuns.get(100)).toMatchObject({ conclusion: 'success', output: { title: 'sg-review: no Terraform changes' } });
  });

  it('ignore_paths chooses roots: a module an in-scope root calls is reviewed though it lies under an ignored directory', async () => {
    const sg = (cidr: string) =>
      `variable "vpc_id" {}\nresource "aws_security_group" "admin" {\n  name   = "admin"\n  vpc_id = var.vpc_id\n  ingress {\n    description = "ssh"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["${cidr}"]\n  }\n}\n`;
    const live = 'module "sg" {\n  source = "../examples/sg"\n  vpc_id = "vpc-1"\n}\n';
    const commits = {
      [BASE]: { 'live/main.tf': live, 'examples/sg/main.tf': sg('10.0.0.0/8') },
      [HEAD]: { 'live/main.tf': live, 'examples/sg/main.tf': sg('0.0.0.0/0') },
    };
    const h = harness({ commits, pulls: [examplePull], config: 'ignore_paths: ["examples/**"]\n' });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    expect(run['conclusion']).toBe('failure');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ path: 'examples/sg/main.tf', title: expect.stringMatching(/^\[critical\] SSH \(22\/tcp\) opened to the internet/) }),
    );
  });

  it('an unparsable file is a high finding and fails the check', async () => {
    const commits = exampleCommits();
    commits[HEAD] = { ...commits[HEAD]!, 'network/broken.tf': 'resource "aws_security_group" "x" {\n  name = \n}\n' };
    const h = harness({ commits, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    expect(run['conclusion']).toBe('failure');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ path: 'network/broken.tf', start_line: 2, title: '[high] network/broken.tf does not parse' }),
    );
  });

  it('a changed file GitHub gives no text for (git-crypt) is a change: a high finding, never an unchanged file', async () => {
    // the same path encrypted at both revisions, with other bytes at the head (a widened value in it)
    const sealed = (secret: string) => `\0GITCRYPT\0${secret}`;
    const commits = exampleCommits();
    commits[BASE] = { ...commits[HEAD]!, 'network/secrets.auto.tfvars': sealed('\x01\x8f narrow') };
    commits[HEAD] = { ...commits[HEAD]!, 'network/secrets.auto.tfvars': sealed('\x01\x8f wide open') };
    const h = harness({ commits, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    expect(run['conclusion']).toBe('failure');
    // the file, and a rule whose variable it may set (at the file: the rule's lines did not change)
    expect((run['output'] as { title: string }).title).toBe('sg-review: 1 high, 1 medium');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ path: 'network/secrets.auto.tfvars', title: '[high] network/secrets.auto.tfvars does not parse' }),
    );
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ path: 'network/secrets.auto.tfvars', title: expect.stringMatching(/^\[medium\] A rule on .* depends on values not known/) }),
    );
  });

  it.each([
    [
      'a 502 while reading files',
      (_m: string, p: string) => (p === '/graphql' ? { status: 502, body: { message: 'Bad Gateway' } } : null),
      /GitHub answered 502/,
    ],
    [
      'a 403 secondary rate limit while listing files',
      (_m: string, p: string) =>
        p.includes('/pulls/1/files') ? { status: 403, body: { message: 'You have exceeded a secondary rate limit' }, headers: { 'retry-after': '60' } } : null,
      /GitHub answered 403: You have exceeded a secondary rate limit/,
    ],
  ])('GitHub failing mid-run (%s) still concludes the check run', async (_name, fail, reason) => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull], fail: (r) => fail(r.method, r.path) });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'sg-review could not complete' } });
    expect((run['output'] as { summary: string }).summary).toMatch(reason);
    expect(h.calls().at(-1)).toBe('PATCH /repos/acme/infra/check-runs/100');
  });

  it('rejects a webhook with a bad signature', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    const text = JSON.stringify(pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    await h.probot.ready();
    await expect(h.probot.webhooks.verifyAndReceive({ id: 'x', name: 'pull_request', payload: text, signature: 'sha256=' + '0'.repeat(64) })).rejects.toThrow(
      /signature does not match/,
    );
    expect(h.github.requests).toEqual([]);
  });
});
