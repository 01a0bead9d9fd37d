// Registry and GitHub modules in the App: read with the installation's token through the
// GitHub double, resolved through a registry double (nock), cached per module version.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetModuleReads } from '../../src/app/module-reads.js';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { REGISTRY_URL, fixtureModule, serveRegistry } from '../helpers/modules.js';

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const HEAD2 = 'd'.repeat(40);
const TIP = 'c'.repeat(40);

const SG_REPO = 'git::https://github.com/acme-mods/terraform-aws-named-rules-sg.git';
const registryModules = {
  'acme-mods/named-rules-sg/aws': { '1.0.0': `${SG_REPO}?ref=v1.0.0`, '1.4.2': `${SG_REPO}?ref=v1.4.2`, '2.0.0': `${SG_REPO}?ref=v2.0.0` },
  'acme-mods/rules-list-sg/aws': { '0.3.0': 'github.com/acme-mods/rules-list-sg?ref=v0.3.0' },
};
const repositories = {
  'acme-mods/terraform-aws-named-rules-sg': { 'v1.0.0': fixtureModule('named-rules-sg'), 'v1.4.2': fixtureModule('named-rules-sg') },
  'acme-mods/rules-list-sg': { 'v0.3.0': fixtureModule('rules-list-sg') },
};

const calls = (webRules: string) => `module "web_sg" {
  source  = "acme-mods/named-rules-sg/aws"
  version = "~> 1.0"

  name                = "web"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ${webRules}
}

module "bastion" {
  source  = "acme-mods/named-rules-sg/aws//modules/ssh"
  version = "1.0.0"

  name                = "bastion"
  ingress_cidr_blocks = ["10.0.0.0/8"]
}

module "db" {
  source  = "acme-mods/rules-list-sg/aws"
  version = "~> 0.3"

  name  = "db"
  rules = [{ type = "ingress", from_port = 5432, to_port = 5432, protocol = "tcp", cidr_blocks = ["10.0.0.0/16"], description = "app" }]
}
`;

const commits = () => ({
  [BASE]: { 'network/main.tf': calls('["https-443-tcp"]') },
  [HEAD]: { 'network/main.tf': calls('["https-443-tcp", "ssh-tcp"]') },
  [HEAD2]: { 'network/main.tf': calls('["https-443-tcp", "ssh-tcp"]') + '\n' },
});

beforeEach(() => {
  process.env['SG_REVIEW_REGISTRY_URL'] = REGISTRY_URL;
  resetModuleReads();
});
afterEach(() => {
  delete process.env['SG_REVIEW_REGISTRY_URL'];
  cleanup();
});

/** GraphQL queries about a repository of `owner`: tree reads, or (`visibility`) who can see it. */
const queries = (h: ReturnType<typeof harness>, owner: string, visibility = false) =>
  h.github.requests
    .filter((r) => r.path === '/graphql')
    .map((r) => r.body as { query: string; variables?: { owner?: string } })
    .filter((b) => b.variables?.owner === owner && b.query.includes('{ visibility }') === visibility).length;
const moduleReads = (h: ReturnType<typeof harness>) => queries(h, 'acme-mods');

describe('registry modules in the App', () => {
  it('a registry module call adding ssh-tcp for 0.0.0.0/0 fails the check on the caller’s line; a second review sends no module request', async () => {
    const registry = serveRegistry({ modules: registryModules });
    const h = harness({
      commits: commits(),
      pulls: [
        { number: 1, head: HEAD, base: TIP, mergeBase: BASE },
        { number: 2, head: HEAD2, base: TIP, mergeBase: BASE },
      ],
      repositories,
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const summary = (run['output'] as { summary: string }).summary;
    expect(summary).toContain('| `module.web_sg` | `acme-mods/named-rules-sg/aws` | 1.4.2 | registry |');
    expect(summary).toContain('| `module.bastion` | `acme-mods/named-rules-sg/aws//modules/ssh` | 1.0.0 | registry |');
    expect(summary).toContain('| `module.db` | `acme-mods/rules-list-sg/aws` | 0.3.0 | registry |');
    const comments = h.github.reviews[0]!.body['comments'] as { path: string; line: number; body: string }[];
    const ssh = comments.find((c) => c.body.includes('SSH (22/tcp) opened to the internet'))!;
    expect(ssh).toMatchObject({ path: 'network/main.tf', line: 7 });
    expect(ssh.body).toContain('**CRITICAL** · `new-ingress`');
    // 3 registry modules: discovery, 2 version lists, 3 download locations; 4 tree reads, once
    // it is known that both module repositories are as visible as this one (public)
    expect(registry.requests).toHaveLength(6);
    expect(moduleReads(h)).toBe(4);
    expect([queries(h, 'acme', true), queries(h, 'acme-mods', true)]).toEqual([1, 2]);

    // who can see a repository is asked again (it may have changed); the trees are not
    await h.send('pull_request', pullRequestPayload('opened', { number: 2, head: HEAD2, base: TIP }));
    expect(h.github.checkRuns.get(101)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(registry.requests).toHaveLength(6);
    expect(moduleReads(h)).toBe(4);
    expect([queries(h, 'acme', true), queries(h, 'acme-mods', true)]).toEqual([2, 4]);
  });

  it('modules.max_count in the configuration bounds the reads (over SG_REVIEW_MODULE_MAX_COUNT), and the summary names the bound', async () => {
    process.env['SG_REVIEW_MODULE_MAX_COUNT'] = '10';
    const registry = serveRegistry({ modules: registryModules });
    const h = harness({
      commits: commits(),
      pulls: [{ number: 1, head: HEAD, base: TIP, mergeBase: BASE }],
      repositories,
      config: 'modules:\n  max_count: 1\n',
    });
    try {
      await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    } finally {
      delete process.env['SG_REVIEW_MODULE_MAX_COUNT'];
    }
    const summary = (h.github.checkRuns.get(100)!['output'] as { summary: string }).summary;
    expect(summary).toContain('| `module.web_sg` | `acme-mods/named-rules-sg/aws` | 1.4.2 | registry |');
    const bound = 'more than 1 remote modules in one review (bound: modules.max_count or SG_REVIEW_MODULE_MAX_COUNT)';
    expect(summary).toContain(`| \`module.bastion\` | \`acme-mods/named-rules-sg/aws//modules/ssh\` | 1.0.0 | **not read**: ${bound} |`);
    expect(summary).toContain(`| \`module.db\` | \`acme-mods/rules-list-sg/aws\` | \\~&gt; 0.3 | **not read**: ${bound} |`);
    // one module read: discovery, its version list and download location
    expect(registry.requests).toHaveLength(3);
  });

  it('a private module repository gives unanalysed-module on the changed line, with the reason', async () => {
    serveRegistry({ modules: { ...registryModules, 'acme-mods/named-rules-sg/aws': { '1.4.2': 'github.com/acme-mods/private-sg?ref=v1.4.2' } } });
    const visibility = { 'acme/infra': 'private' } as const;
    const h = harness({ commits: commits(), pulls: [{ number: 1, head: HEAD, base: TIP, mergeBase: BASE }], repositories, visibility });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const comments = h.github.reviews[0]!.body['comments'] as { path: string; line: number; body: string }[];
    const unread = comments.find((c) => c.body.includes('unanalysed-module'))!;
    expect(unread).toMatchObject({ path: 'network/main.tf', line: 7 });
    expect(unread.body).toContain('acme-mods/private-sg does not exist or this installation cannot read it');
    expect(unread.body).toContain('`ingress_rules`');
    // a private repository's review reads any module repository: no one asked who can see them
    expect(queries(h, 'acme-mods', true)).toBe(0);
  });

  it('a public repository never reads a private module repository, not even a tree an earlier review of a private one cached', async () => {
    // a GitHub module source at a private repository of the organisation, whose rules the check run would show
    serveRegistry({ modules: registryModules });
    const secret = (cidr: string) => ({
      'main.tf': `variable "sg_id" {}\nresource "aws_security_group_rule" "x" {\n  type = "ingress"\n  security_group_id = var.sg_id\n  from_port = 22\n  to_port = 22\n  protocol = "tcp"\n  cidr_blocks = ["${cidr}"]\n}\n`,
    });
    const call = (ref: string) =>
      `resource "aws_security_group" "web" {\n  name = "web"\n}\nmodule "rules" {\n  source = "github.com/acme/secret-rules?ref=${ref}"\n  sg_id  = aws_security_group.web.id\n}\n`;
    const visibility: Record<string, 'public' | 'private'> = { 'acme/infra': 'private', 'acme/secret-rules': 'private' };
    const h = harness({
      commits: { [BASE]: { 'main.tf': call('v1') }, [HEAD]: { 'main.tf': call('v2') } },
      pulls: [
        { number: 1, head: HEAD, base: TIP, mergeBase: BASE },
        { number: 2, head: HEAD, base: TIP, mergeBase: BASE },
      ],
      repositories: { 'acme/secret-rules': { v1: secret('10.99.0.0/16'), v2: secret('10.42.0.0/16') } },
      visibility,
    });
    // while private, this repository reads it (and the trees are cached for the owner acme)
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(JSON.stringify(h.github.checkRuns.get(100))).toContain('10.42.0.0/16');
    const secretReads = () =>
      h.github.requests.filter((r) => {
        const b = r.body as { query?: string; variables?: { repo?: string } };
        return r.path === '/graphql' && b.variables?.repo === 'secret-rules' && !b.query!.includes('{ visibility }');
      }).length;
    expect(secretReads()).toBe(2);
    // made public: a fork PR's review reads nothing of it, from GitHub or the cache
    visibility['acme/infra'] = 'public';
    await h.send('pull_request', pullRequestPayload('opened', { number: 2, head: HEAD, base: TIP }, true));
    const run = h.github.checkRuns.get(101)!;
    expect(JSON.stringify(run)).not.toMatch(/10\.(99|42)\./);
    const { summary } = run['output'] as { summary: string };
    expect(summary).toContain(
      "**not read**: acme/secret-rules is not a public repository this installation can read, and this pull request's repository acme/infra is public",
    );
    // asked who can see it, never read again
    expect(secretReads()).toBe(2);
  });
});
