import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operationsHandler } from '../../src/app/metrics.js';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { BASE, HEAD, TIP, exampleCommits, examplePull, reviewRequests } from './fixtures.js';

afterEach(cleanup);

describe('operations', () => {
  it('SIGTERM drain: a run that does not finish in time has its check run concluded', async () => {
    const h = harness(
      { commits: { [BASE]: { 'a/main.tf': '' }, [HEAD]: { 'a/main.tf': 'resource "aws_security_group" "x" {}\n' } }, pulls: [examplePull] },
      (_m, p) => (p === '/graphql' ? 5_000 : 0),
    );
    const running = h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    // wait for the run to start (not a fixed sleep: a loaded machine may take longer)
    await vi.waitFor(() => expect(h.registry.inflight).toBe(1), { timeout: 1_500, interval: 10 });
    await h.registry.drain(50);
    expect(h.github.checkRuns.get(100)).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'sg-review could not complete' } });
    expect((h.github.checkRuns.get(100)!['output'] as { summary: string }).summary).toMatch(/server shut down/);
    await running;
    // once closing, new deliveries are not accepted
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.checkRuns.size).toBe(1);
  });

  it('one review of a PR touching 10 directories with 100 .tf files costs no more requests than one directory', async () => {
    const base: Record<string, string> = {};
    const head: Record<string, string> = {};
    for (let d = 0; d < 10; d++) {
      for (let f = 0; f < 10; f++) {
        const path = `stacks/s${d}/f${f}.tf`;
        base[path] = `resource "aws_security_group" "g${f}" {\n  name = "g${d}-${f}"\n}\n`;
        head[path] =
          `resource "aws_security_group" "g${f}" {\n  name = "g${d}-${f}"\n  ingress {\n    description = "https"\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["10.${d}.${f}.0/24"]\n  }\n}\n`;
      }
    }
    const h = harness({ commits: { [BASE]: base, [HEAD]: head }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    // the same 8 requests as for one directory, plus one check-run update for annotations 51-100
    expect(h.calls()).toEqual(reviewRequests({ annotationBatches: 1 }));
    expect(h.github.checkRuns.get(100)).toMatchObject({ conclusion: 'success' });
    expect(h.github.checkRuns.get(100)!.annotations).toHaveLength(100);
  });

  it('GET /metrics counts the findings of a concluded review', async () => {
    const server = createServer((req, res) => {
      void operationsHandler(async () => true)(req, res).then((handled) => handled || res.writeHead(404).end());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const findingsTotal = async () => {
      nock.enableNetConnect('127.0.0.1'); // each harness() blocks every real connection again
      const text = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/metrics`).then((r) => r.text());
      const m = /^sg_review_findings_total (\d+)$/m.exec(text);
      if (!m) throw new Error(`no sg_review_findings_total in /metrics:\n${text.slice(0, 500)}`);
      return Number(m[1]);
    };
    try {
      const before = await findingsTotal();
      const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
      await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
      // the example PR: 1 critical, 3 high, 1 medium, 2 low, one annotation each
      expect(h.github.checkRuns.get(100)!.annotations).toHaveLength(7);
      expect(await findingsTotal()).toBe(before + 7);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('works against GitHub Enterprise Server (REST under /api/v3, GraphQL at /api/graphql)', async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] }, undefined, 'https://ghe.example.com', 'https://ghe.example.com/api/v3');
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.calls()).toHaveLength(10);
    expect(h.github.checkRuns.get(100)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  // test/app/demo.test.ts asserts every request of the demo; this is its slow case, made certain
  it('npm run demo answered 202 "still processing" before the review ends (a loaded machine): the review is still posted', async () => {
    const root = join(import.meta.dirname, '../..');
    const early = join(root, 'test/helpers/webhook-answers-early.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--import', early, 'demo/run-demo.ts'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      timeout: 150_000,
    });
    expect(stdout).toContain('Webhook pull_request.opened for acme/infra#7 -> HTTP 202 (still processing: the review went on after the answer)');
    expect(stdout).toContain('CHECK RUN "sg-review" on 222222222222: completed, conclusion failure');
    expect(stdout).not.toContain('could not complete');
    expect(stdout).toMatch(/REVIEW \(COMMENT\) on #7/);
    expect(stdout).toContain('mixed-rule-ownership');
  }, 180_000);
});

describe('a PR that changes only a local module', () => {
  it('reviews the module through the directories that call it', async () => {
    const module = (port: number) =>
      `variable "cidrs" {\n  type = list(string)\n}\n\nresource "aws_security_group" "this" {\n  name        = "app"\n  description = "app"\n\n  ingress {\n    description = "app port"\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = var.cidrs\n  }\n}\n`;
    const stack = 'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "sg" {\n  source = "../../modules/sg"\n  cidrs  = ["0.0.0.0/0"]\n}\n';
    const other = 'provider "aws" {\n  region = "eu-west-1"\n}\n';
    const files = (port: number) => ({
      'modules/sg/main.tf': module(port),
      'stacks/prod/main.tf': stack,
      'stacks/dev/main.tf': other,
      'README.md': '# infra\n',
    });
    const h = harness({ commits: { [BASE]: files(443), [HEAD]: files(22) }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.calls()).toEqual(
      reviewRequests({
        reads: [
          'POST /graphql', // the touched module, at both revisions
          'POST /graphql', // the directories of the head revision
          'POST /graphql', // those directories, to find the callers
        ],
      }),
    );
    const run = h.github.checkRuns.get(100)!;
    expect(run['conclusion']).toBe('failure');
    expect((run['output'] as { summary: string }).summary).toContain('Directories: `modules/sg`, `stacks/prod`');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ path: 'modules/sg/main.tf', title: '[critical] SSH (22/tcp) opened to the internet on module.sg.aws_security_group.this' }),
    );
  });
});
