// The Action's entry with the runner's environment (event, summary and output files as temp
// files) against the GitHub double through nock.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run.js';
import { BASE, HEAD, TIP, exampleCommits, examplePull } from '../app/fixtures.js';
import { callsOf, cleanup, pullRequestPayload, serveDouble } from '../helpers/app.js';

const ROOT = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function runner(options: { fork?: boolean; inputs?: Record<string, string>; event?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sg-review-action-'));
  dirs.push(dir);
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  const payload = pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP }, options.fork);
  payload['pull_request'].changed_files = 1;
  writeFileSync(join(dir, 'event.json'), JSON.stringify(payload));
  writeFileSync(join(dir, 'summary.md'), '');
  writeFileSync(join(dir, 'output'), '');
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: options.event ?? 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_WORKSPACE: workspace,
    'INPUT_GITHUB-TOKEN': 'ghs_workflow',
    INPUT_COMMENT: 'on',
    'INPUT_SARIF-FILE': 'sg-review.sarif',
    ...Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  let stdout = '';
  return {
    workspace,
    run: () => runAction({ stdout: (s) => (stdout += s), stderr: () => {}, cwd: workspace, env, retryBaseMs: 1 }),
    stdout: () => stdout,
    summary: () => readFileSync(join(dir, 'summary.md'), 'utf8'),
    outputs: () => {
      const out: Record<string, string> = {};
      for (const m of readFileSync(join(dir, 'output'), 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm)) out[m[1]!] = m[3]!;
      return out;
    },
    sarif: () => JSON.parse(readFileSync(join(workspace, 'sg-review.sarif'), 'utf8')) as { runs: { results: unknown[] }[] },
  };
}

const ACTION_FLOW = [
  'GET /repos/acme/infra/contents/.github%2Fsg-review.yml',
  'GET /repos/acme/infra/pulls/1/files',
  `GET /repos/acme/infra/git/trees/${HEAD}`,
  `GET /repos/acme/infra/compare/${TIP}...${HEAD}`,
  'POST /graphql',
  'GET /repos/acme/infra/pulls/1/comments',
  'POST /repos/acme/infra/pulls/1/reviews',
];

describe('the GitHub Action', () => {
  it('reviews the workflow pull request: job summary, annotations, outputs, SARIF, one review, exit 1, in 7 requests', async () => {
    const github = serveDouble({ commits: exampleCommits(), pulls: [examplePull] });
    const r = runner();
    expect(await r.run()).toBe(1);
    expect(callsOf(github)).toEqual(ACTION_FLOW);
    expect(github.requests.every((q) => q.headers?.['authorization'] === 'token ghs_workflow')).toBe(true);
    expect(github.checkRuns.size).toBe(0);
    expect(github.reviews).toHaveLength(1);
    expect(github.reviews[0]!.body['comments']).toHaveLength(7);
    expect(r.summary()).toContain('### What was analysed');
    expect(r.summary()).toContain('```mermaid');
    const commands = r
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(7);
    expect(commands[0]).toMatch(/^::error file=network\/main\.tf,line=\d+,endLine=\d+,title=\[critical\] [^\n]+::/);
    expect(r.outputs()).toEqual({ conclusion: 'failure', findings: '7', 'sarif-file': 'sg-review.sarif' });
    expect(r.sarif().runs[0]!.results).toHaveLength(7);
  });

  it('a re-run posts no duplicate comment', async () => {
    const github = serveDouble({ commits: exampleCommits(), pulls: [examplePull] });
    await runner().run();
    const before = github.requests.length;
    expect(await runner().run()).toBe(1);
    expect(callsOf(github).slice(before)).toEqual(ACTION_FLOW.slice(0, -1));
    expect(github.reviewComments).toHaveLength(7);
  });

  it('a fork PR (read-only token): summary, annotations and exit code, no write at all, and one line saying why', async () => {
    const github = serveDouble({
      commits: exampleCommits(),
      pulls: [examplePull],
      fail: (q) => (q.method !== 'GET' && q.path !== '/graphql' ? { status: 403, body: { message: 'Resource not accessible by integration' } } : null),
    });
    const r = runner({ fork: true });
    expect(await r.run()).toBe(1);
    expect(callsOf(github)).toEqual(ACTION_FLOW.slice(0, 5));
    expect(r.summary().match(/No review comments: this pull request comes from a fork/g)).toHaveLength(1);
    expect(r.stdout().match(/No review comments: this pull request comes from a fork/g)).toHaveLength(1);
    expect(
      r
        .stdout()
        .split('\n')
        .filter((l) => l.startsWith('::error') || l.startsWith('::warning') || l.startsWith('::notice')),
    ).toHaveLength(7);
    expect(r.outputs()['conclusion']).toBe('failure');
  });

  it('a 5xx that does not go away: the job fails with the reason in the summary, exit 2', async () => {
    const github = serveDouble({
      commits: exampleCommits(),
      pulls: [examplePull],
      fail: (q) => (q.path.startsWith('/repos/acme/infra/pulls/1/files') ? { status: 502, body: { message: 'Bad Gateway' } } : null),
    });
    const r = runner();
    expect(await r.run()).toBe(2);
    expect(callsOf(github).filter((c) => c.endsWith('/files'))).toHaveLength(4);
    expect(github.reviews).toEqual([]);
    expect(r.summary()).toContain('GitHub answered 502');
    expect(r.outputs()).toMatchObject({ conclusion: 'failure', findings: '0' });
    expect(r.sarif().runs[0]!.results).toEqual([]);
  });

  it('reads the head from the checkout in working-directory when it is at the head commit', async () => {
    const github = serveDouble({ commits: exampleCommits(), pulls: [examplePull] });
    const r = runner({ inputs: { 'working-directory': 'repo', comment: 'off', 'fail-on': 'never' } });
    const checkout = join(r.workspace, 'repo');
    cpSync(join(ROOT, 'examples/three-tier/head'), checkout, { recursive: true });
    mkdirSync(join(checkout, '.git'));
    writeFileSync(join(checkout, '.git/HEAD'), 'ref: refs/heads/pr\n');
    mkdirSync(join(checkout, '.git/refs/heads'), { recursive: true });
    writeFileSync(join(checkout, '.git/refs/heads/pr'), `${HEAD}\n`);
    expect(await r.run()).toBe(0);
    const graphql = github.requests.find((q) => q.path === '/graphql')!.body as { query: string };
    expect(graphql.query).toContain(`"${BASE}:network"`);
    expect(graphql.query).not.toContain(HEAD);
    expect(callsOf(github)).toEqual(ACTION_FLOW.slice(0, 5)); // comment: off
    expect(r.outputs()).toMatchObject({ conclusion: 'success', findings: '7' });
  });

  it('refuses other events and bad inputs with one error command, exit 2', async () => {
    serveDouble({ commits: exampleCommits(), pulls: [examplePull] });
    const push = runner({ event: 'push' });
    expect(await push.run()).toBe(2);
    expect(push.stdout()).toBe('::error title=sg-review::sg-review reviews pull requests: run it on pull_request (this workflow runs on push)\n');
    const bad = runner({ inputs: { comment: 'maybe' } });
    expect(await bad.run()).toBe(2);
    expect(bad.stdout()).toContain('input comment: "on" or "off", not "maybe"');
  });
});
