// Terragrunt in the App: a pull request that changes only terragrunt.hcl inputs, or only the
// parent file every unit includes, is reviewed (signed webhooks against the GitHub double).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const TIP = 'c'.repeat(40);

const MODULE = `variable "name" {
  type = string
}

variable "ingress_cidr_blocks" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "this" {
  name = var.name
}

resource "aws_security_group_rule" "ssh" {
  count             = length(var.ingress_cidr_blocks) > 0 ? 1 : 0
  type              = "ingress"
  security_group_id = aws_security_group.this.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.ingress_cidr_blocks
  description       = "SSH"
}
`;

const root = (cidrs: string) => `inputs = {
  ingress_cidr_blocks = ${cidrs}
}
`;

const unit = (name: string, cidrs: string | null) => `include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../../../modules//sg"
}

inputs = {
  name = "${name}"${cidrs === null ? '' : `\n  ingress_cidr_blocks = ${cidrs}`}
}
`;

afterEach(cleanup);

/** The review comments of a PR from `base` to `head`, whose check run fails. */
async function failingReview(base: Record<string, string>, head: Record<string, string>) {
  const h = harness({ commits: { [BASE]: base, [HEAD]: head }, pulls: [{ number: 1, head: HEAD, base: TIP, mergeBase: BASE }] });
  await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
  expect(h.github.checkRuns.get(100)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  return h.github.reviews[0]!.body['comments'] as { path: string; line: number; body: string }[];
}

describe('Terragrunt pull requests in the App', () => {
  it('a PR that changes only a terragrunt.hcl is reviewed and reports what its inputs open', async () => {
    const tree = (cidrs: string) => ({
      'modules/sg/main.tf': MODULE,
      'live/root.hcl': root('["10.0.0.0/8"]'),
      'live/prod/web/terragrunt.hcl': unit('web', cidrs),
    });
    const comments = await failingReview(tree('["10.0.0.0/8"]'), tree('["0.0.0.0/0"]'));
    const ssh = comments.find((c) => c.body.includes('SSH (22/tcp) opened to the internet'))!;
    expect(ssh).toMatchObject({ path: 'live/prod/web/terragrunt.hcl' });
    expect(ssh.body).toContain('**CRITICAL** · `new-ingress`');
  });

  it('a PR that changes only the parent every unit includes re-reviews each unit below it', async () => {
    const tree = (cidrs: string) => ({
      'modules/sg/main.tf': MODULE,
      'live/root.hcl': root(cidrs),
      'live/prod/web/terragrunt.hcl': unit('web', null),
      'live/prod/api/terragrunt.hcl': unit('api', null),
      'live/stage/db/terragrunt.hcl': unit('db', '["10.1.0.0/16"]'),
    });
    const comments = await failingReview(tree('["10.0.0.0/8"]'), tree('["0.0.0.0/0"]'));
    const opened = comments.filter((c) => c.body.includes('SSH (22/tcp) opened to the internet'));
    // web and api take the parent's CIDRs: the same finding on the parent's line, once, naming
    // the other unit; db sets its own, so the change does not reach it
    expect(opened.map((c) => [c.path, /on (\S+)/.exec(c.body)?.[1]])).toEqual([['live/root.hcl', 'live/prod/api:module.terragrunt.aws_security_group.this']]);
    expect(opened[0]!.body).toContain('through 1 other instance: `live/prod/web:module.terragrunt.');
    expect(opened[0]!.body).not.toContain('live/stage/db');
  });

  it('a PR that changes only an _envcommon file re-reviews each unit that includes it, on its changed line', async () => {
    const envcommon = (cidrs: string) => `terraform {
  source = "\${dirname(find_in_parent_folders("root.hcl"))}/modules//sg"
}

inputs = {
  ingress_cidr_blocks = ${cidrs}
}
`;
    const app = (name: string) => `include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path = "\${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/app.hcl"
}

inputs = {
  name = "${name}"
}
`;
    const tree = (cidrs: string) => ({
      'modules/sg/main.tf': MODULE,
      'root.hcl': 'inputs = {}\n',
      '_envcommon/app.hcl': envcommon(cidrs),
      'live/prod/app/terragrunt.hcl': app('prod'),
      'live/stage/app/terragrunt.hcl': app('stage'),
      'live/stage/db/terragrunt.hcl': unit('db', '["0.0.0.0/0"]'),
    });
    const comments = await failingReview(tree('["10.0.0.0/8"]'), tree('["0.0.0.0/0"]'));
    const opened = comments.filter((c) => c.body.includes('SSH (22/tcp) opened to the internet'));
    expect(opened.map((c) => [c.path, c.line])).toEqual([['_envcommon/app.hcl', 7]]);
    expect(opened[0]!.body).toMatch(/live\/(prod|stage)\/app:module\.terragrunt/);
    // db includes neither file and the change does not reach it
    expect(opened[0]!.body).not.toContain('live/stage/db');
  });
});
