// `sg-review pr` against the GitHub double through nock: the App's review from a token.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { BASE, HEAD, TIP, exampleCommits, examplePull, reviewRequests } from '../app/fixtures.js';
import { callsOf, cleanup, serveDouble } from '../helpers/app.js';

afterEach(cleanup);

const ROOT = join(import.meta.dirname, '../..');

async function pr(args: string[], env: Record<string, string> = { GITHUB_TOKEN: 'ghs_ci' }) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['pr', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: ROOT, env, retryBaseMs: 1 });
  return { code, stdout, stderr };
}

const PULL = 'GET /repos/acme/infra/pulls/1';

describe('sg-review pr', () => {
  it('reviews a pull request as the App does: check run, annotations, one review, in 10 requests', async () => {
    const github = serveDouble({ commits: exampleCommits(), pulls: [examplePull] });
    const r = await pr(['acme/infra', '1']);
    expect(r.code).toBe(1);
    expect(callsOf(github)).toEqual([PULL, ...reviewRequests()]);
    expect(github.requests.every((q) => q.headers?.['authorization'] === 'token ghs_ci')).toBe(true);
    expect(String(github.requests[0]!.headers?.['user-agent'])).toMatch(/^sg-review\/\d+\.\d+\.\d+ /);
    const run = github.checkRuns.get(100)!;
    expect(run).toMatchObject({ name: 'sg-review', head_sha: HEAD, external_id: '1', status: 'completed', conclusion: 'failure' });
    expect(run.annotations).toHaveLength(7);
    expect(github.reviews).toHaveLength(1);
    expect(github.reviews[0]!.body['comments']).toHaveLength(7);
    // the merge base is compared, never the base branch tip
    const graphql = github.requests.find((q) => q.path === '/graphql')!.body as { query: string };
    expect(graphql.query).toContain(`"${BASE}:network"`);
    expect(graphql.query).not.toContain(TIP);
    expect(r.stdout).toContain('### What was analysed');
    expect(r.stdout).toContain((run['output'] as { summary: string }).summary);
  });

  it('a re-run posts no duplicate comment and resolves nothing that is still there', async () => {
    const github = serveDouble({ commits: exampleCommits(), pulls: [examplePull] });
    await pr(['acme/infra', '1']);
    const before = github.requests.length;
    const again = await pr(['acme/infra', '1']);
    expect(again.code).toBe(1);
    const rerun = reviewRequests()
      .filter((c) => !c.endsWith('/reviews'))
      .map((c) => c.replace('/check-runs/100', '/check-runs/101'));
    expect(callsOf(github).slice(before)).toEqual([PULL, ...rerun]);
    expect(github.reviews).toHaveLength(1);
    expect(github.reviewComments).toHaveLength(7);
    expect(github.resolvedThreads).toEqual([]);
  });

  it('resolves the threads of findings the head no longer has', async () => {
    const commits = exampleCommits();
    const github = serveDouble({ commits, pulls: [examplePull] });
    await pr(['acme/infra', '1']);
    const fixed = 'd'.repeat(40);
    // the head goes back to the base's rules (a comment differs, so Terraform still changed)
    commits[fixed] = { ...commits[BASE]!, 'network/main.tf': `${commits[BASE]!['network/main.tf']}# reverted\n` };
    github.options.pulls[0] = { ...examplePull, head: fixed };
    const r = await pr(['acme/infra', '1']);
    expect(r.code).toBe(0);
    expect(github.resolvedThreads).toHaveLength(7);
  });

  it('with a read-only token (a fork PR in CI): no check run, no review, the result printed and the exit code, and why', async () => {
    const github = serveDouble({
      commits: exampleCommits(),
      pulls: [examplePull],
      fail: (q) => (q.method !== 'GET' && q.path !== '/graphql' ? { status: 403, body: { message: 'Resource not accessible by integration' } } : null),
    });
    const r = await pr(['acme/infra', '1']);
    expect(r.code).toBe(1);
    expect(callsOf(github)).toEqual([
      PULL,
      'POST /repos/acme/infra/check-runs',
      'GET /repos/acme/infra/contents/.github%2Fsg-review.yml',
      'GET /repos/acme/infra/pulls/1/files',
      `GET /repos/acme/infra/git/trees/${HEAD}`,
      `GET /repos/acme/infra/compare/${TIP}...${HEAD}`,
      'POST /graphql',
    ]);
    expect(r.stdout).toContain('1 critical, 3 high, 1 medium, 2 low');
    expect(r.stdout.match(/the token may not write to this repository \(GitHub answered 403\)/g)).toHaveLength(1);
  });

  it('a relaxed configuration is pending with a token too, and the summary says this run reads no acceptance', async () => {
    const commits = exampleCommits();
    commits[HEAD] = { ...commits[HEAD]!, '.github/sg-review.yml': 'fail_on: never\n' };
    const github = serveDouble({ commits, pulls: [examplePull] });
    const r = await pr(['acme/infra', '1']);
    expect(r.code).toBe(1);
    const { title, summary } = github.checkRuns.get(100)!['output'] as { title: string; summary: string };
    expect(title).toMatch(/; configuration relaxed, pending approval$/);
    expect(summary).toContain('- `fail_on` raised from `"high"` to `"never"`');
    expect(summary).toContain('this run (with a token, not the App) does not read those records');
  });

  it('retries a 5xx, and when GitHub keeps failing concludes the check run with the reason and exits 2', async () => {
    let flaky = 1;
    const github = serveDouble({
      commits: exampleCommits(),
      pulls: [examplePull],
      fail: (q) => (q.path.startsWith('/repos/acme/infra/pulls/1/files') && flaky-- > 0 ? { status: 502, body: { message: 'Bad Gateway' } } : null),
    });
    expect((await pr(['acme/infra', '1'])).code).toBe(1);
    expect(callsOf(github).filter((c) => c.endsWith('/files'))).toHaveLength(2);

    cleanup();
    const down = serveDouble({
      commits: exampleCommits(),
      pulls: [examplePull],
      fail: (q) => (q.path.startsWith('/repos/acme/infra/pulls/1/files') ? { status: 503, body: { message: 'Service Unavailable' } } : null),
    });
    const r = await pr(['acme/infra', '1']);
    expect(r.code).toBe(2);
    expect(callsOf(down).filter((c) => c.endsWith('/files'))).toHaveLength(4); // 1 + 3 retries
    expect(down.reviews).toEqual([]);
    expect(down.checkRuns.get(100)).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'sg-review could not complete' } });
    expect((down.checkRuns.get(100)!['output'] as { summary: string }).summary).toContain('GitHub answered 503');
  });

  it('--dry-run prints every request and sends no write', async () => {
    const github = serveDouble({ commits: exampleCommits(), pulls: [examplePull] });
    const r = await pr(['acme/infra', '1', '--dry-run']);
    expect(r.code).toBe(1);
    expect(github.requests.filter((q) => q.method !== 'GET' && !(q.path === '/graphql' && !/^\s*mutation/.test((q.body as { query: string }).query)))).toEqual(
      [],
    );
    expect(github.checkRuns.size).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^(\[dry run, not sent\] )?(GET|POST|PATCH|PUT|DELETE) /.test(l));
    expect(
      lines.map((l) =>
        l
          .replace(/ \{.*$/, '')
          .replace(/\?.*$/, '')
          .replace('https://api.github.com', ''),
      ),
    ).toEqual([
      `GET /repos/acme/infra/pulls/1`,
      '[dry run, not sent] POST /repos/acme/infra/check-runs',
      `GET /repos/acme/infra/commits/${HEAD}/check-runs`,
      'GET /repos/acme/infra/contents/.github%2Fsg-review.yml',
      'GET /repos/acme/infra/pulls/1/files',
      `GET /repos/acme/infra/git/trees/${HEAD}`,
      `GET /repos/acme/infra/compare/${TIP}...${HEAD}`,
      'POST /graphql',
      'GET /repos/acme/infra/pulls/1/comments',
      '[dry run, not sent] POST /repos/acme/infra/pulls/1/reviews',
      '[dry run, not sent] PATCH /repos/acme/infra/check-runs/0',
    ]);
    expect(r.stdout).toContain('"event":"COMMENT"');
  });

  it('--local reads the head from a checkout at the head commit, and refuses one at another commit', async () => {
    const github = serveDouble({ commits: exampleCommits(), pulls: [examplePull] });
    const dir = mkdtempSync(join(tmpdir(), 'sg-review-checkout-'));
    cpSync(join(ROOT, 'examples/three-tier/head'), dir, { recursive: true });
    writeFileSync(join(dir, 'README.md'), '# infra\n');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git/HEAD'), `${HEAD}\n`);
    const r = await pr(['acme/infra', '1', '--local', dir]);
    expect(r.code).toBe(1);
    const graphql = github.requests.find((q) => q.path === '/graphql')!.body as { query: string };
    expect(graphql.query).toContain(`"${BASE}:network"`);
    expect(graphql.query).not.toContain(HEAD);
    expect(github.reviews[0]!.body['comments']).toHaveLength(7);

    writeFileSync(join(dir, '.git/HEAD'), `${TIP}\n`);
    const wrong = await pr(['acme/infra', '1', '--local', dir]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`the checkout is at ${TIP}, not at the pull request's head ${HEAD}`);
    rmSync(dir, { recursive: true });
  });

  it('--local reads the modules `terraform init` installed in the checkout (DIR/.terraform/modules)', async () => {
    const call = (rules: string) =>
      `module "web_sg" {\n  source  = "acme-mods/named-rules-sg/aws"\n  version = "~> 1.0"\n\n  name                = "web"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ${rules}\n}\n`;
    const commits = { [BASE]: { 'network/main.tf': call('["https-443-tcp"]') }, [HEAD]: { 'network/main.tf': call('["https-443-tcp", "ssh-tcp"]') } };
    const github = serveDouble({ commits, pulls: [examplePull] });
    const dir = mkdtempSync(join(tmpdir(), 'sg-review-checkout-'));
    mkdirSync(join(dir, 'network/.terraform/modules'), { recursive: true });
    writeFileSync(join(dir, 'network/main.tf'), commits[HEAD]!['network/main.tf']!);
    cpSync(join(ROOT, 'test/fixtures/modules/named-rules-sg'), join(dir, 'network/.terraform/modules/web_sg'), { recursive: true });
    const modules = [{ Key: 'web_sg', Source: 'registry.terraform.io/acme-mods/named-rules-sg/aws', Version: '1.4.2', Dir: '.terraform/modules/web_sg' }];
    writeFileSync(join(dir, 'network/.terraform/modules/modules.json'), JSON.stringify({ Modules: modules }));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git/HEAD'), `${HEAD}\n`);
    const r = await pr(['acme/infra', '1', '--local', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: { rule: string; severity: string; location: { file: string; startLine: number } }[] };
    // the call is the same at the base, so the base reads the same installed code: only SSH is new
    expect(doc.findings.map((f) => [f.rule, f.severity, `${f.location.file}:${f.location.startLine}`])).toEqual([
      ['new-ingress', 'critical', 'network/main.tf:7'],
    ]);
    expect(github.reviews[0]!.body['comments']).toHaveLength(1);
    rmSync(dir, { recursive: true });
  });

  it('talks to GitHub Enterprise Server at GITHUB_API_URL', async () => {
    const github = serveDouble({ commits: exampleCommits(), pulls: [examplePull] }, 'https://ghe.example.com');
    const r = await pr(['acme/infra', '1'], { GITHUB_TOKEN: 't', GITHUB_API_URL: 'https://ghe.example.com/api/v3' });
    expect(r.code).toBe(1);
    expect(callsOf(github)).toEqual([PULL, ...reviewRequests()]);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    let out = '';
    expect(await runCli(['--version'], { stdout: (s) => (out += s), stderr: () => {}, cwd: ROOT })).toBe(0);
    expect(out).toBe(`${version}\n`);
  });

  it('needs a token, an owner/repo and a number', async () => {
    expect((await pr(['acme/infra', '1'], {})).stderr).toContain('set GITHUB_TOKEN');
    expect((await pr(['acme', '1'])).code).toBe(2);
    expect((await pr(['acme/infra', 'x'])).stderr).toContain('pr takes <owner>/<repo> and a pull request number');
  });
});
