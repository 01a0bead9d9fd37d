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
    // the target's directory is read once for both revisions, in one more query
    expect(h.calls().filter((c) => c === 'POST /graphql')).toHaveLength(2);
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
});
