// A Terragrunt unit is a module call: `terraform { source }` with `inputs`, locals read,
// dependency outputs unknown; what it opens sits on the changed inputs.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { terragruntSource } from '../../src/engine/evaluate/terragrunt.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/modules');

const unit = (cidrs: string) => `locals {
  env = "prod"
}

terraform {
  source = "../../..//modules/sg"
}

dependency "vpc" {
  config_path = "../vpc"
}

inputs = {
  name                = "web-\${local.env}"
  vpc_id              = dependency.vpc.outputs.vpc_id
  ingress_cidr_blocks = ${cidrs}
  ingress_rules       = ["ssh-tcp"]
}
`;

describe('Terragrunt', () => {
  it('a unit whose inputs open SSH to the world fails the check, on its inputs', async () => {
    const work = mkdtempSync(join(tmpdir(), 'sg-review-tg-'));
    for (const [rev, cidrs] of [
      ['base', '["10.0.0.0/8"]'],
      ['head', '["0.0.0.0/0"]'],
    ] as const) {
      cpSync(join(FIXTURES, 'named-rules-sg/main.tf'), join(work, rev, 'modules/sg/main.tf'));
      cpSync(join(FIXTURES, 'named-rules-sg/variables.tf'), join(work, rev, 'modules/sg/variables.tf'));
      mkdirSync(join(work, rev, 'live/prod/web'), { recursive: true });
      writeFileSync(join(work, rev, 'live/prod/web/terragrunt.hcl'), unit(cidrs));
    }
    let out = '';
    const code = await runCli(['diff', 'base', 'head', '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, cwd: work });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON document, read loosely
    const doc = JSON.parse(out) as { conclusion: string; findings: any[] };
    expect(code).toBe(1);
    expect(doc.conclusion).toBe('failure');
    expect(doc.findings.find((f) => f.rule === 'new-ingress')).toMatchObject({
      severity: 'critical',
      title: 'SSH (22/tcp) opened to the internet on module.terragrunt.aws_security_group.this[0]',
      location: { file: 'live/prod/web/terragrunt.hcl', startLine: 13, endLine: 18 },
      related: [{ file: 'modules/sg/main.tf', startLine: 8, endLine: 18 }],
    });
  });

  it.each([
    ['../../modules//sg', { source: '../../modules/sg', version: '' }],
    ['tfr:///acme-mods/named-rules-sg/aws?version=1.4.2', { source: 'acme-mods/named-rules-sg/aws', version: '1.4.2' }],
    ['tfr://registry.example.com/acme/sg/aws?version=2.0.0', { source: 'registry.example.com/acme/sg/aws', version: '2.0.0' }],
    ['git::https://github.com/acme/net.git//sg?ref=v1', { source: 'git::https://github.com/acme/net.git//sg?ref=v1', version: '' }],
  ])('reads the source %s', (source, expected) => {
    expect(terragruntSource(source)).toEqual(expected);
  });
});
