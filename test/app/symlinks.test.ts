// The App reads a symlinked .tf file (GraphQL TreeEntry.mode 40960 = 0o120000, its blob text
// the target path) as its target in the same revision's tree; a link anywhere else is a
// parse error naming the file, and its text is never used as Terraform.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { BASE, HEAD, TIP, examplePull } from './fixtures.js';

afterEach(cleanup);

const GLOBALS = 'variable "admin_cidrs" {\n  default = ["198.51.100.7/32"]\n}\n';
const group = (rules: string) => `resource "aws_security_group" "api" {
  name        = "api"
  description = "CF API"
  vpc_id      = "vpc-0123456789abcdef0"
${rules}}
`;
const HTTPS = `
  ingress {
    description = "HTTPS from the admins"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
`;

describe('symbolic links in a pull request', () => {
  it('a root linking ../globals.tf reads its variables from the target: a known CIDR, not an undeclared variable', async () => {
    const shared = { 'terraform/globals.tf': GLOBALS };
    const link = { 'terraform/cf/globals.tf': '../globals.tf' };
    const h = harness({
      commits: {
        [BASE]: { ...shared, 'terraform/cf/main.tf': group('') },
        [HEAD]: { ...shared, 'terraform/cf/main.tf': group(HTTPS) },
      },
      links: { [BASE]: link, [HEAD]: link },
      pulls: [examplePull],
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    const { title, summary } = run['output'] as { title: string; summary: string };
    expect(title).toBe('sg-review: 1 low');
    expect(summary).toContain('198.51.100.7/32');
    expect(summary).not.toMatch(/not declared|unresolved-value|parse-error/);
    // the link's target text for the reverse lookup in one query; the target's directory is read
    // once for both revisions, in one more query; `terraform/cf` declares an input (through the
    // link), so the other directories of the head are read in one more, to find its callers
    expect(h.calls().filter((c) => c === 'POST /graphql')).toHaveLength(4);
  });

  it('links to an absolute path, outside the repository, in a cycle or to nothing are parse errors naming each file', async () => {
    const bad = {
      'terraform/cf/passwd.tf': '/etc/passwd',
      'terraform/cf/escape.tf': '../../../etc/passwd',
      'terraform/cf/loop-a.tf': 'loop-b.tf',
      'terraform/cf/loop-b.tf': 'loop-a.tf',
      'terraform/cf/dangling.tf': 'missing.tf',
    };
    const h = harness({
      commits: {
        [BASE]: { 'terraform/cf/main.tf': group('') },
        [HEAD]: { 'terraform/cf/main.tf': group('') + '\n' },
      },
      links: { [HEAD]: bad },
      pulls: [examplePull],
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    const { title, summary } = run['output'] as { title: string; summary: string };
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(title).toBe('sg-review: 5 high');
    for (const [file, why] of [
      ['passwd.tf', 'a symbolic link to an absolute path, not followed'],
      ['escape.tf', 'a symbolic link to a path outside the repository, not followed'],
      ['loop-a.tf', 'a symbolic link in a cycle of links'],
      ['loop-b.tf', 'a symbolic link in a cycle of links'],
      ['dangling.tf', 'a symbolic link to a file that does not exist (dangling)'],
    ])
      expect(summary).toContain(`\`terraform/cf/${file}\` line 1, column 1: not readable as text: ${why}`);
    expect(summary).not.toContain('/etc/passwd');
  });

  it('max_link_hops on the default branch bounds the chain the App follows; a longer one is a parse error naming the key', async () => {
    const links = { 'terraform/cf/globals.tf': 'shared.tf', 'terraform/cf/shared.tf': '../globals.tf' };
    const commits = {
      [BASE]: { 'terraform/globals.tf': GLOBALS, 'terraform/cf/main.tf': group('') },
      [HEAD]: { 'terraform/globals.tf': GLOBALS, 'terraform/cf/main.tf': group(HTTPS) },
    };
    const summaryWith = async (config?: string) => {
      const h = harness({ commits, links: { [BASE]: links, [HEAD]: links }, pulls: [examplePull], ...(config ? { config } : {}) });
      await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
      const { summary } = h.github.checkRuns.get(100)!['output'] as { summary: string };
      cleanup(); // the next harness serves its own double
      return summary;
    };
    expect(await summaryWith()).not.toContain('parse-error');
    expect(await summaryWith('max_link_hops: 1\n')).toContain(
      '`terraform/cf/globals.tf` line 1, column 1: not readable as text: a symbolic link through more than 1 links (max_link_hops), not followed',
    );
  });

  const SSH = `
  ingress {
    description = "SSH from the admins"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
`;
  const admins = (cidr: string) => `variable "admin_cidrs" {\n  default = ["${cidr}"]\n}\n`;
  const reviewOf = (h: ReturnType<typeof harness>) => {
    const run = h.github.checkRuns.get(100)!;
    const comments = (h.github.reviews[0]?.body['comments'] ?? []) as { path: string; line: number; body: string }[];
    return { run, title: (run['output'] as { title: string }).title, comments };
  };

  it('a PR that changes only the target of a link reviews the directory holding the link; the comment lands on the target line in the diff', async () => {
    const link = { 'terraform/cf/globals.tf': '../globals.tf' };
    const h = harness({
      commits: {
        [BASE]: { 'terraform/globals.tf': admins('198.51.100.7/32'), 'terraform/cf/main.tf': group(SSH) },
        [HEAD]: { 'terraform/globals.tf': admins('0.0.0.0/0'), 'terraform/cf/main.tf': group(SSH) },
      },
      links: { [BASE]: link, [HEAD]: link },
      pulls: [examplePull],
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const { run, title, comments } = reviewOf(h);
    // only terraform/globals.tf is in the diff; terraform/cf reads it through its link
    expect(h.github.pullFiles(examplePull).map((f) => f.filename)).toEqual(['terraform/globals.tf']);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    // new-ingress, and new-internet-path (at the rule, outside the diff: summary only)
    expect(title).toBe('sg-review: 2 critical');
    expect((run['output'] as { summary: string }).summary).toContain('`terraform/cf`');
    // the finding sits in the link's copy (terraform/cf/globals.tf line 2), the comment on the target's line 2
    expect(run.annotations).toContainEqual(expect.objectContaining({ path: 'terraform/cf/globals.tf', start_line: 2, annotation_level: 'failure' }));
    expect(comments.map((c) => [c.path, c.line])).toContainEqual(['terraform/globals.tf', 2]);
    const onTarget = comments.find((c) => c.path === 'terraform/globals.tf')!;
    expect(onTarget.body).toContain('SSH (22/tcp)');
    expect(onTarget.body).toContain('Found in `terraform/cf/globals.tf` (lines 2–2), a symbolic link to `terraform/globals.tf`.');
    expect(comments.every((c) => c.path !== 'terraform/cf/globals.tf')).toBe(true);
  });

  it('a PR that changes only a link: the comment lands on the link, whose diff is its one line; the finding stays in the check run', async () => {
    const shared = { 'terraform/globals.tf': admins('198.51.100.7/32'), 'terraform/open.tf': admins('0.0.0.0/0'), 'terraform/cf/main.tf': group(SSH) };
    const h = harness({
      commits: { [BASE]: shared, [HEAD]: shared },
      links: { [BASE]: { 'terraform/cf/globals.tf': '../globals.tf' }, [HEAD]: { 'terraform/cf/globals.tf': '../open.tf' } },
      pulls: [examplePull],
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const { title, comments, run } = reviewOf(h);
    // new-ingress, and new-internet-path (at the rule, outside the diff: summary only)
    expect(title).toBe('sg-review: 2 critical');
    expect(run.annotations).toContainEqual(expect.objectContaining({ path: 'terraform/cf/globals.tf', start_line: 2 }));
    const onLink = comments.find((c) => c.body.includes('SSH (22/tcp)'))!;
    expect([onLink.path, onLink.line]).toEqual(['terraform/cf/globals.tf', 1]);
    expect(onLink.body).toContain('a symbolic link to `terraform/open.tf`');
    expect(onLink.body).not.toContain('```suggestion');
  });
});
