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

describe('sg-review model and scan with .tofu files (applied_with)', () => {
  // main.tf opens SSH to the world; its twin main.tofu only to 10.0.0.0/8
  const twins = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-'));
    const group = (cidr: string) =>
      `resource "aws_security_group" "a" {\n  name = "a"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["${cidr}"]\n    description = "ssh"\n  }\n}\n`;
    writeFileSync(join(dir, 'main.tf'), group('0.0.0.0/0'));
    writeFileSync(join(dir, 'main.tofu'), group('10.0.0.0/8'));
    const config = (tool: string) => {
      const file = join(dir, `${tool}.yml`);
      writeFileSync(file, `applied_with: ${tool}\n`);
      return ['--config', file];
    };
    return { dir, config };
  };

  it('model reads the files the configured tool reads, and names those it leaves out', async () => {
    const { dir, config } = twins();
    const terraform = await run(['model', dir, '--format', 'json', ...config('terraform')]);
    const model = JSON.parse(terraform.stdout) as { rules: { peer: { value: string } }[]; ignoredFiles: unknown[] };
    expect(model.rules.map((r) => r.peer.value)).toEqual(['0.0.0.0/0']);
    expect(model.ignoredFiles).toEqual([{ file: 'main.tofu', replacedBy: null }]);
    expect((await run(['model', dir, ...config('terraform')])).stdout).toContain('not read, as Terraform ignores them (applied_with: terraform): main.tofu');
    const tofu = await run(['model', dir, ...config('opentofu')]);
    expect(tofu.stdout).toContain('from 10.0.0.0/8');
    expect(tofu.stdout).toContain('not read, as OpenTofu ignores them (applied_with: opentofu): main.tf (by main.tofu)');
  });

  it('model, unset: the OpenTofu reading, saying that Terraform reads it otherwise', async () => {
    const { dir } = twins();
    const r = await run(['model', dir]);
    expect(r.stdout).toContain('from 10.0.0.0/8');
    expect(r.stdout).toContain(
      'as OpenTofu reads it (applied_with is unset): Terraform reads no .tofu file (main.tofu) and reads what they replace: main.tf (by main.tofu)',
    );
  });

  it('scan reads the files the configured tool reads; unset, both readings, and says so', async () => {
    const { dir, config } = twins();
    const opened = async (args: string[]) => {
      const doc = JSON.parse((await run(['scan', dir, '--format', 'json', ...args])).stdout) as {
        findings: { rule: string; access?: { opened: { peer: { value: string } }[] } }[];
        bothReadings?: boolean;
      };
      const peers = doc.findings.filter((f) => f.rule === 'new-ingress').flatMap((f) => f.access!.opened.map((o) => o.peer.value));
      return { peers: peers.sort(), both: doc.bothReadings ?? false };
    };
    expect(await opened(config('terraform'))).toEqual({ peers: ['0.0.0.0/0'], both: false });
    expect(await opened(config('opentofu'))).toEqual({ peers: ['10.0.0.0/8'], both: false });
    expect(await opened([])).toEqual({ peers: ['0.0.0.0/0', '10.0.0.0/8'], both: true });
    expect((await run(['scan', dir])).stdout).toContain('Reviewed as OpenTofu reads it and as Terraform reads it, with the findings of both');
  });
});
