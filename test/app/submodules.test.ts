// Git submodules used as modules in the App (`source = "./vendor/sg"`, vendor/sg a gitlink): a
// pull request that only bumps the submodule is reviewed through its caller, with the submodule's
// code at the commit each revision records when its url names a repository of this GitHub host
// the installation can read; otherwise an unanalysed-module naming the path and both commits,
// as `diff --git` reports a submodule it has no clone of (test/adapters/submodules.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { BASE, HEAD, TIP, examplePull, unpostedReviewRequests } from './fixtures.js';
import { SUBMODULE_CALLER, SUBMODULE_MODULE } from '../helpers/submodule-call.js';

afterEach(cleanup);

const [MODULE, ROOT] = [SUBMODULE_MODULE, SUBMODULE_CALLER];
const [FROM, TO] = ['1'.repeat(40), '2'.repeat(40)];
const gitmodules = (url: string) => `[submodule "vendor/sg"]\n\tpath = vendor/sg\n\turl = ${url}\n`;
// the module's repository: narrow at the base's commit, open to the world at the head's
const SG_MODULE = { 'acme/sg-module': { [FROM]: { 'main.tf': MODULE('10.0.0.0/8') }, [TO]: { 'main.tf': MODULE('0.0.0.0/0') } } };

/** PR #1 (from a fork: `fork`) bumps vendor/sg from FROM to TO, `.gitmodules` giving `url`. */
async function bump(
  url: string,
  repositories: Record<string, Record<string, Record<string, string>>> = SG_MODULE,
  visibility: Record<string, 'public' | 'internal' | 'private'> = {},
  fork = false,
  config?: string,
) {
  const files = { 'main.tf': ROOT, '.gitmodules': gitmodules(url) };
  const h = harness({
    commits: { [BASE]: files, [HEAD]: files },
    gitlinks: { [BASE]: { 'vendor/sg': FROM }, [HEAD]: { 'vendor/sg': TO } },
    repositories,
    visibility,
    pulls: [examplePull],
    ...(config ? { config } : {}),
  });
  await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }, fork));
  const run = h.github.checkRuns.get(100)!;
  const { title, summary } = run['output'] as { title: string; summary: string };
  // the repositories the App's GraphQL queries read (`:visibility`: asked who can see it)
  const read = h.github.requests
    .filter((r) => r.path === '/graphql')
    .map((r) => r.body as { query: string; variables: { repo: string } })
    .map((b) => `${b.variables.repo}${b.query.includes('{ visibility }') ? ':visibility' : ''}`);
  return { h, run, title, summary, read };
}

describe('git submodules used as modules in a pull request', () => {
  it('a PR that only bumps the submodule to a commit opening SSH to the world fails, read at both commits through the caller', async () => {
    const { h, run, title, summary, read } = await bump('https://github.com/acme/sg-module.git');
    expect(h.github.pullFiles(examplePull).map((f) => [f.filename, f.patch])).toEqual([
      ['vendor/sg', `@@ -1,1 +1,1 @@\n-Subproject commit ${FROM}\n+Subproject commit ${TO}\n`],
    ]);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    // as diff --git reviews it: the module is also modelled on its own (the info on var.sg_id)
    expect(title).toBe('sg-review: 2 critical, 1 info');
    expect(summary).toContain('SSH (22/tcp) opened to the internet on aws_security_group.web');
    expect(run.annotations).toContainEqual(expect.objectContaining({ path: 'vendor/sg/main.tf', start_line: 2, annotation_level: 'failure' }));
    // the head's listing gives the gitlink; then the Terraform directories (a changed file that
    // is not Terraform's may be read by one); the submodule's directory at both revisions (no
    // tree: its commits are not in this repository), its parent's listing (the commits, the
    // url), who can see this repository and the module's (both public), the module's repository
    // at each commit; the callers among the other directories
    expect(h.calls()).toEqual(unpostedReviewRequests(1, 7));
    expect(read).toEqual(['infra', 'infra', 'infra', 'infra:visibility', 'sg-module:visibility', 'sg-module', 'sg-module', 'infra']);
  });

  it('a url relative to the repository (../sg-module.git) names a repository of the same owner', async () => {
    const { title, read } = await bump('../sg-module.git');
    expect(title).toBe('sg-review: 2 critical, 1 info');
    expect(read).toContain('sg-module');
  });

  it('a submodule the installation cannot read is an unanalysed-module naming the path and both commits', async () => {
    const { run, title, summary } = await bump('https://github.com/acme/sg-module.git', {}, { 'acme/infra': 'private' });
    expect(run).toMatchObject({ conclusion: 'success' });
    expect(title).toBe('sg-review: 1 medium');
    expect(summary).toContain(`moved from commit \`${FROM}\` to \`${TO}\``);
    expect(summary).toContain(`a git submodule at commit ${TO.slice(0, 12)} (https://github.com/acme/sg-module.git), not read: the repository acme/sg-module`);
  });

  it('a fork PR on a public repository pointing the submodule at a private repository: not read, the finding says why', async () => {
    // the private repository's rules would otherwise appear in the public check run
    const secret = { 'acme/sg-module': { [FROM]: { 'main.tf': MODULE('10.99.0.0/16') }, [TO]: { 'main.tf': MODULE('10.42.0.0/16') } } };
    const { run, title, summary, read } = await bump('https://github.com/acme/sg-module.git', secret, { 'acme/sg-module': 'private' }, true);
    expect(read).toEqual(['infra', 'infra', 'infra', 'infra:visibility', 'sg-module:visibility', 'infra']);
    expect(run).toMatchObject({ conclusion: 'success' });
    expect(title).toBe('sg-review: 1 medium');
    expect(summary).toContain(
      `a git submodule at commit ${TO.slice(0, 12)} (https://github.com/acme/sg-module.git), not read: acme/sg-module is not a public repository this installation can read`,
    );
    expect(JSON.stringify(run)).not.toMatch(/10\.(99|42)\./);
  });

  it('a private repository reads its private submodule; an internal one an internal submodule', async () => {
    const url = 'https://github.com/acme/sg-module.git';
    expect((await bump(url, SG_MODULE, { 'acme/infra': 'private', 'acme/sg-module': 'private' })).title).toBe('sg-review: 2 critical, 1 info');
    cleanup();
    expect((await bump(url, SG_MODULE, { 'acme/infra': 'internal', 'acme/sg-module': 'internal' })).title).toBe('sg-review: 2 critical, 1 info');
    cleanup();
    const { title, summary } = await bump(url, SG_MODULE, { 'acme/infra': 'internal', 'acme/sg-module': 'private' });
    expect(title).toBe('sg-review: 1 medium');
    expect(summary).toContain('only public or internal modules are read');
  });

  it('submodule reads count against the modules: bounds of the configuration, and the finding names the bound', async () => {
    const url = 'https://github.com/acme/sg-module.git';
    // one module: the base's commit is read, the head's is not, so the bump is not followed
    const counted = await bump(url, SG_MODULE, {}, false, 'modules:\n  max_count: 1\n');
    expect(counted.title).toBe('sg-review: 1 medium');
    expect(counted.summary).toContain(
      `a git submodule at commit ${TO.slice(0, 12)} (${url}), not read: more than 1 remote modules in one review (bound: modules.max_count or SG_REVIEW_MODULE_MAX_COUNT)`,
    );
    expect(counted.read.filter((r) => r === 'sg-module')).toHaveLength(1);
    cleanup();
    // bytes: the head's commit holds 12 KB of code, over the 10 KB read per review
    const big = { 'acme/sg-module': { [FROM]: { 'main.tf': MODULE('10.0.0.0/8') }, [TO]: { 'main.tf': MODULE('0.0.0.0/0') + `# ${'x'.repeat(12_000)}\n` } } };
    const weighed = await bump(url, big, {}, false, 'modules:\n  max_bytes: 10000\n');
    expect(weighed.title).toBe('sg-review: 1 medium');
    expect(weighed.summary).toContain(
      `not read: acme/sg-module@${TO.slice(0, 12)} is 12 KB, over the 10 KB of module code read per review (bound: modules.max_bytes`,
    );
    expect(JSON.stringify(weighed.run)).not.toContain('0.0.0.0/0');
  });

  it('a url on another host is never read as the repository of the same name here', async () => {
    const { title, summary, read } = await bump('https://gitlab.example.com/acme/sg-module.git');
    expect(title).toBe('sg-review: 1 medium');
    expect(summary).toContain(
      `a git submodule at commit ${TO.slice(0, 12)} (https://gitlab.example.com/acme/sg-module.git), not a repository of github.com: not read`,
    );
    expect(read).not.toContain('sg-module');
  });
});
