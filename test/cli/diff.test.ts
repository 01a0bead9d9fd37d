import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

const ROOT = join(import.meta.dirname, '../..');

async function run(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

describe('sg-review diff', () => {
  it('prints exactly one JSON document of the sg-review/v1 shape and exits 1 on failure', async () => {
    const r = await run(['diff', 'examples/three-tier/base', 'examples/three-tier/head', '--format', 'json']);
    expect(r.code).not.toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      schema: 'sg-review/v1',
      conclusion: 'failure',
      stats: { base: { files: 1, groups: 3, rules: 5 }, head: { files: 1, groups: 3, rules: 7 } },
    });
    const ingress = doc.findings.find(
      (f: { rule: string; resource: string }) => f.rule === 'new-ingress' && f.resource === 'aws_vpc_security_group_ingress_rule.web_health',
    );
    expect(ingress).toEqual({
      rule: 'new-ingress',
      severity: 'high',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      title: 'HTTP alt (8080/tcp) opened to the internet on aws_security_group.web',
      message: expect.any(String),
      resource: 'aws_vpc_security_group_ingress_rule.web_health',
      location: { file: 'network/main.tf', startLine: 52, endLine: 58 },
      suppressed: false,
      access: {
        direction: 'ingress',
        group: 'aws_security_group.web',
        protocol: 'tcp',
        opened: [{ peer: { type: 'cidr', value: '0.0.0.0/0' }, ports: [[8080, 8080]] }],
      },
    });
    const path = doc.findings.find((f: { rule: string; resource: string }) => f.rule === 'new-internet-path' && f.resource === 'aws_security_group.db');
    expect(path.path).toEqual([
      { from: 'internet', to: 'aws_security_group.web', protocol: 'tcp', ports: [[8080, 8080]] },
      { from: 'aws_security_group.web', to: 'aws_security_group.db', protocol: 'tcp', ports: [[5432, 5432]] },
    ]);
  });

  it('writes SARIF 2.1.0 with rule metadata and partial fingerprints', async () => {
    const r = await run(['diff', 'examples/three-tier/base', 'examples/three-tier/head', '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('mixed-rule-ownership/high');
    expect(run0.results[0]).toMatchObject({
      ruleId: 'new-internet-path/critical',
      level: 'error',
      partialFingerprints: { 'sgReview/v1': expect.any(String) },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'network/main.tf' }, region: { startLine: 52 } } }],
    });
  });

  it('--fail-on and --config change the conclusion; a bad config is a usage error naming the key', async () => {
    expect((await run(['diff', 'examples/three-tier/base', 'examples/three-tier/head', '--fail-on', 'never'])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'sg-cfg-'));
    writeFileSync(join(dir, 'ok.yml'), 'fail_on: critical\ndisabled_rules: [new-internet-path]\n');
    writeFileSync(join(dir, 'bad.yml'), 'rule_quota: lots\n');
    expect((await run(['diff', 'examples/three-tier/base', 'examples/three-tier/head', '--config', join(dir, 'ok.yml')])).code).toBe(0);
    const bad = await run(['diff', 'examples/three-tier/base', 'examples/three-tier/head', '--config', join(dir, 'bad.yml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"rule_quota"');
    rmSync(dir, { recursive: true });
  });

  it('--git reads both revisions from git without checking out', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'sg-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { encoding: 'utf8' });
    git('init', '-q');
    cpSync(join(ROOT, 'examples/three-tier/base'), repo, { recursive: true });
    git('add', '-A');
    git('commit', '-qm', 'base');
    cpSync(join(ROOT, 'examples/three-tier/head'), repo, { recursive: true });
    // non-ASCII text: blob sizes are bytes, not characters
    writeFileSync(join(repo, 'network/cafe.tf'), '# café ☕\nresource "aws_security_group" "cafe" {\n  description = "naïve — ☕"\n}\n');
    git('add', '-A');
    git('commit', '-qm', 'head');
    const r = await run(['diff', '--git', 'HEAD~1', 'HEAD', '--repo', repo, '--format', 'json']);
    expect(r.code).not.toBe(2);
    expect(JSON.parse(r.stdout).stats.head).toEqual({ files: 2, groups: 4, rules: 7 });
    expect((await run(['diff', '--git', 'nope', 'HEAD', '--repo', repo])).stderr).toContain('nope: not a commit');
    rmSync(repo, { recursive: true });
  });

  it('--git compares the merge base of the two refs with the head, as the App does', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'sg-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    cpSync(join(ROOT, 'examples/three-tier/base'), repo, { recursive: true });
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    cpSync(join(ROOT, 'examples/three-tier/head'), repo, { recursive: true });
    git('commit', '-qam', 'head');
    // main moves on after the branch: its tip has no network at all
    git('checkout', '-q', 'main');
    git('rm', '-rq', 'network');
    git('commit', '-qm', 'main moves on');
    const r = await run(['diff', '--git', 'main', 'feature', '--repo', repo, '--format', 'json']);
    const dirs = await run(['diff', 'examples/three-tier/base', 'examples/three-tier/head', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).stats.base).toEqual({ files: 1, groups: 3, rules: 5 });
    expect(JSON.parse(r.stdout).findings).toEqual(JSON.parse(dirs.stdout).findings);
    rmSync(repo, { recursive: true });
  });

  it('scan of a file calling hasOwnProperty() or toString() reports an unresolved value, not a crash (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-review-proto-'));
    writeFileSync(
      join(dir, 'main.tf'),
      'resource "aws_security_group" "web" {\n  ingress {\n    protocol    = "tcp"\n    from_port   = 22\n    to_port     = 22\n    cidr_blocks = [hasOwnProperty("x")]\n    description = toString(1)\n  }\n}\n',
    );
    const r = await run(['scan', dir, '--format', 'json']);
    rmSync(dir, { recursive: true });
    expect(r.code).not.toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toContain('unresolved-value');
    expect(r.stdout).not.toContain('[object Undefined]');
  });

  it('scan reports everything as if the base were empty', async () => {
    const r = await run(['scan', 'examples/three-tier/base', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.stats.base).toEqual({ files: 0, groups: 0, rules: 0 });
    expect(doc.findings.some((f: { rule: string }) => f.rule === 'new-ingress')).toBe(true);
  });
});
