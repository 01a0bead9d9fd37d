// A PR that changes only the argument of a local module call: the review comment sits on that
// argument (a line of the diff) and names the module's unchanged rule.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { BASE, HEAD, TIP, examplePull } from './fixtures.js';

afterEach(cleanup);

const MODULE = `variable "ingress_cidr" {}
resource "aws_security_group" "this" {
  name        = "web"
  description = "web"
}
resource "aws_vpc_security_group_ingress_rule" "ssh" {
  description       = "ssh"
  security_group_id = aws_security_group.this.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = var.ingress_cidr
}
`;
const root = (cidr: string) => `module "sg" {
  source       = "../modules/sg"
  ingress_cidr = "${cidr}"
}
`;

describe('local module argument', () => {
  it('the comment sits on the changed argument and names the module rule', async () => {
    const h = harness({
      commits: {
        [BASE]: { 'modules/sg/main.tf': MODULE, 'network/main.tf': root('10.0.0.0/8') },
        [HEAD]: { 'modules/sg/main.tf': MODULE, 'network/main.tf': root('0.0.0.0/0') },
      },
      pulls: [examplePull],
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.checkRuns.get(100)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const comments = h.github.reviews[0]!.body['comments'] as { path: string; line: number; body: string }[];
    const ssh = comments.find((c) => c.body.includes('SSH (22/tcp) opened to the internet'))!;
    expect([ssh.path, ssh.line]).toEqual(['network/main.tf', 3]);
    expect(ssh.body).toContain('modules/sg/main.tf:6-13');
  });
});
