import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operationsHandler } from '../../src/app/metrics.js';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { siblingModules } from '../helpers/sibling-modules.js';
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
  const module = (port: number) =>
    `variable "cidrs" {\n  type = list(string)\n}\n\nresource "aws_security_group" "this" {\n  name        = "app"\n  description = "app"\n\n  ingress {\n    description = "app port"\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = var.cidrs\n  }\n}\n`;
  const stack = (cidr: string) => `provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "sg" {\n  source = "../../modules/sg"\n  cidrs  = ["${cidr}"]\n}\n`;
  const other = 'provider "aws" {\n  region = "eu-west-1"\n}\n';
  const files = (port: number) => ({
    'modules/sg/main.tf': module(port),
    'stacks/prod/main.tf': stack('0.0.0.0/0'),
    'stacks/dev/main.tf': other,
    'README.md': '# infra\n',
  });
  const SSH_WORLD = '[critical] SSH (22/tcp) opened to the internet on module.sg.aws_security_group.this';
  const readsWithCallers = reviewRequests({
    reads: [
      'POST /graphql', // the touched module, at both revisions
      // the head's directories come from the tree listed for links: no request
      'POST /graphql', // those directories at both revisions, to find the callers
    ],
  });

  it('reviews the module through the directories that call it', async () => {
    const h = harness({ commits: { [BASE]: files(443), [HEAD]: files(22) }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.calls()).toEqual(readsWithCallers);
    const run = h.github.checkRuns.get(100)!;
    expect(run['conclusion']).toBe('failure');
    expect((run['output'] as { summary: string }).summary).toContain('Directories: `modules/sg`, `stacks/prod`');
    expect(run.annotations).toContainEqual(expect.objectContaining({ path: 'modules/sg/main.tf', title: SSH_WORLD }));
  });

  // hostile: what would make the widened module look like a root reviewed alone
  it.each([
    ['a backend block (Terraform ignores it in a called module)', { 'modules/sg/backend.tf': 'terraform {\n  backend "s3" {}\n}\n' }],
    ["a terraform.tfvars (the caller's argument overrides it)", { 'modules/sg/terraform.tfvars': 'cidrs = ["10.0.0.0/8"]\n' }],
    [
      'a default on every variable',
      { 'modules/sg/main.tf': module(22).replace('type = list(string)\n', 'type    = list(string)\n  default = ["10.0.0.0/8"]\n') },
    ],
  ])('a module disguised as a root by %s is still reviewed through its caller: the critical stays', async (_, disguise) => {
    const h = harness({ commits: { [BASE]: files(443), [HEAD]: { ...files(22), ...disguise } }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.calls()).toEqual(readsWithCallers);
    const run = h.github.checkRuns.get(100)!;
    expect(run['conclusion']).toBe('failure');
    expect(run.annotations).toContainEqual(expect.objectContaining({ path: 'modules/sg/main.tf', title: SSH_WORLD }));
  });

  it('touching one caller too does not hide the others: every caller of the module is read', async () => {
    const commits = (port: number, dev: string) => ({ ...files(port), 'stacks/dev/main.tf': stack(dev) });
    const h = harness({ commits: { [BASE]: commits(443, '10.0.0.0/8'), [HEAD]: commits(22, '10.1.0.0/16') }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    // the touched module and the touched caller are read together
    expect(h.calls()).toEqual(readsWithCallers);
    const run = h.github.checkRuns.get(100)!;
    expect(run['conclusion']).toBe('failure');
    // two roots now: each finding names its root
    expect((run.annotations as { path: string; title: string }[]).map((a) => `${a.path} ${a.title}`)).toEqual([
      'modules/sg/main.tf [critical] SSH (22/tcp) opened to the internet on stacks/prod:module.sg.aws_security_group.this',
      'modules/sg/main.tf [low] SSH (22/tcp) opened from 10.1.0.0/16 on stacks/dev:module.sg.aws_security_group.this',
    ]);
  });
  // a and b sort before stacks/prod and fill the bound: the caller is not read, unless ignored
  it.each([
    [
      'past max_caller_dirs the cut is a high analysis-limit on the module',
      'max_caller_dirs: 2\n',
      [
        'modules/sg/main.tf [high] The review hit its `max_caller_dirs` bound',
        'modules/sg/main.tf [medium] A rule on aws_security_group.this depends on values not known before apply',
      ],
    ],
    [
      'ignored directories are left out before the cut: the caller is read',
      'max_caller_dirs: 2\nignore_paths: ["a/**", "b/**"]\n',
      [`modules/sg/main.tf ${SSH_WORLD}`],
    ],
  ])('%s', async (_, config, annotations) => {
    const padding = { 'a/main.tf': other, 'b/main.tf': other };
    const h = harness({ commits: { [BASE]: { ...files(443), ...padding }, [HEAD]: { ...files(22), ...padding } }, pulls: [examplePull], config });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    // the same requests: the bound only cuts the directories read with the callers
    expect(h.calls()).toEqual(readsWithCallers);
    expect((h.github.checkRuns.get(100)!.annotations as { path: string; title: string }[]).map((a) => `${a.path} ${a.title}`)).toEqual(annotations);
  });

  it('a module committed under .terraform/ that a local path reads in place is reviewed through its caller, on the changed rule', async () => {
    const caller = 'module "sg" {\n  source = "./.terraform/modules/sg"\n  cidrs  = ["0.0.0.0/0"]\n}\n';
    const commits = (port: number) => ({ 'main.tf': caller, '.terraform/modules/sg/main.tf': module(port) });
    const h = harness({ commits: { [BASE]: commits(443), [HEAD]: commits(22) }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    // the caller is the root whose .terraform/modules/ changed: touched itself, read in the first query
    expect(h.calls()).toEqual(reviewRequests());
    expect((h.github.checkRuns.get(100)!.annotations as { path: string; title: string }[]).map((a) => `${a.path} ${a.title}`)).toEqual([
      `.terraform/modules/sg/main.tf ${SSH_WORLD}`,
    ]);
  });

  it('the callers\' other local modules are read too: an argument from one\'s output is its group, never a directory "with no Terraform files"', async () => {
    const h = harness({ commits: { [BASE]: siblingModules(443), [HEAD]: siblingModules(8443) }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    // the sibling module was read with the callers: no request more
    expect(h.calls()).toEqual(readsWithCallers);
    const run = h.github.checkRuns.get(100)!;
    expect((run.annotations as { title: string }[]).map((a) => a.title)).toEqual([
      '[low] HTTPS alt (8443/tcp) opened from module.b.aws_security_group.lb on module.a.aws_security_group.app',
    ]);
    expect((run['output'] as { summary: string }).summary).not.toContain('no Terraform files');
  });
});
