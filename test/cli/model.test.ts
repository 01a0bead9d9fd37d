import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: join(import.meta.dirname, '../..') });
  return { code, stdout, stderr };
}

describe('sg-review model', () => {
  it('prints the model of the bundled example as JSON', async () => {
    const r = await run(['model', 'examples/three-tier/head', '--format', 'json']);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout);
    expect(model.groups.map((g: { address: string }) => g.address)).toEqual(['aws_security_group.alb', 'aws_security_group.web', 'aws_security_group.db']);
    expect(model.attachments).toContainEqual(expect.objectContaining({ resource: 'aws_lb.public', internetFacing: true }));
  });

  it('shows ICMP rules as type/code ranges in JSON, never type × 256 + code', async () => {
    const r = await run(['model', 'test/scenarios/precision/icmp-type-code/head', '--format', 'json']);
    const model = JSON.parse(r.stdout) as { rules: { resource: string; ports?: unknown; icmp?: unknown }[] };
    const echo = model.rules.find((x) => x.resource === 'aws_vpc_security_group_ingress_rule.echo_request');
    expect(echo).toMatchObject({ protocol: 'icmp', icmp: [{ types: [8, 8], codes: [0, 0] }] });
    expect(echo).not.toHaveProperty('ports');
    const tcp = JSON.parse((await run(['model', 'examples/three-tier/head', '--format', 'json'])).stdout) as { rules: { protocol: string; ports: unknown }[] };
    expect(tcp.rules.find((x) => x.protocol === 'tcp')?.ports).toEqual(expect.any(Array));
  });

  it('prints text with locations', async () => {
    const r = await run(['model', 'examples/three-tier/head']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ingress tcp 8080 from 0\.0\.0\.0\/0 {2}\[aws_vpc_security_group_ingress_rule\.web_health network\/main\.tf:\d+-\d+\]/);
  });

  it('exits 2 with a clear message for a missing directory or no Terraform files', async () => {
    const missing = await run(['model', 'no/such/dir']);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('no/such/dir: no such directory') });
    const empty = mkdtempSync(join(tmpdir(), 'sg-'));
    writeFileSync(join(empty, 'README.md'), 'hi');
    const none = await run(['model', empty]);
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining('no Terraform files') });
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  it('reads links with the max_link_hops of --config, as diff and scan do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-'));
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'group.tf'), 'resource "aws_security_group" "linked" {\n  name = "linked"\n}\n');
    // main.tf -> hop.tf -> shared/group.tf: two links
    symlinkSync('shared/group.tf', join(dir, 'hop.tf'));
    symlinkSync('hop.tf', join(dir, 'main.tf'));
    const config = join(dir, 'sg-review.yml');
    writeFileSync(config, 'max_link_hops: 1\n');
    const parseErrors = async (args: string[]) => {
      const r = await run(['model', dir, '--format', 'json', ...args]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { parseErrors: { file: string; message: string }[] }).parseErrors;
    };
    expect(await parseErrors([])).toEqual([]);
    expect(await parseErrors(['--config', config])).toEqual([
      expect.objectContaining({ file: 'main.tf', message: expect.stringContaining('more than 1 links (max_link_hops)') }),
    ]);
    expect((await run(['model', dir, '--config', join(dir, 'missing.yml')])).stderr).toContain('missing.yml: cannot read the config file');
  });

  it('evaluates with the bounds of --config (max_instances), as diff and scan do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-'));
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_security_group" "g" {\n  count = 3\n  name  = "g${count.index}"\n}\n');
    const config = join(dir, 'sg-review.yml');
    writeFileSync(config, 'max_instances: 2\n');
    const limits = async (args: string[]) => {
      const r = await run(['model', dir, '--format', 'json', ...args]);
      expect(r.code).toBe(0);
      return ((JSON.parse(r.stdout) as { limits?: { limit: string }[] }).limits ?? []).map((h) => h.limit);
    };
    expect(await limits([])).toEqual([]);
    expect(await limits(['--config', config])).toContain('max_instances');
  });
});
