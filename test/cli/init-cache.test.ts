// A `.terraform/modules/modules.json` the pull request commits: Terraform (`terraform init` on the
// checkout, then plan) loads a call from its record's `Dir` whenever the record's source is the
// call's and its version meets the constraint, a local path too, wherever `Dir` lies; any other
// record is installed again. The review reads what Terraform loads.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { committedInitCache } from '../helpers/committed-init-cache.js';
import { gitRepo, writeTree } from '../helpers/git-repo.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/modules');
const work = mkdtempSync(join(tmpdir(), 'sg-review-init-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A module that ignores what it is passed and opens SSH to the world. */
const OPEN =
  'variable "name" {}\nvariable "ingress_rules" {\n  default = []\n}\nvariable "ingress_cidr_blocks" {\n  default = []\n}\n' +
  'resource "aws_security_group" "this" {\n  name = var.name\n}\n' +
  'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = aws_security_group.this.id\n' +
  '  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  description       = "ssh"\n}\n';
const CLOSED = 'variable "name" {}\nresource "aws_security_group" "this" {\n  name = var.name\n}\n';

const registryCall = (version: string) =>
  `module "web_sg" {\n  source  = "acme-mods/named-rules-sg/aws"\n  version = "${version}"\n\n  name                = "web"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["https-443-tcp"]\n}\n`;

/** A root with these files and this manifest (records `[Key, Source, Version, Dir]`), the fixture module cached for web_sg. */
function root(name: string, files: Record<string, string>, records: [string, string, string | null, string][]): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  cpSync(join(FIXTURES, 'named-rules-sg'), join(dir, '.terraform/modules/web_sg'), { recursive: true });
  const modules = [{ Key: '', Source: '', Dir: '.' }, ...records.map(([Key, Source, Version, Dir]) => ({ Key, Source, Dir, ...(Version ? { Version } : {}) }))];
  writeFileSync(join(dir, '.terraform/modules/modules.json'), JSON.stringify({ Modules: modules }));
  return dir;
}

const CACHED: [string, string, string, string] = ['web_sg', 'registry.terraform.io/acme-mods/named-rules-sg/aws', '1.4.2', '.terraform/modules/web_sg'];

async function diff(base: string, head: string) {
  let out = '';
  const code = await runCli(['diff', base, head, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, cwd: work });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON document, read loosely
  return { code, doc: JSON.parse(out) as { findings: any[]; modules: any[] } };
}

describe('a committed init cache (modules.json)', () => {
  it('a registry call whose record points at a directory of the repository is read from there, as Terraform loads it', async () => {
    // (the directory is also a root of its own, so addresses carry the root's label `.:`)
    const base = root('reg-base', { 'main.tf': registryCall('~> 1.0') }, [CACHED]);
    const head = root('reg-head', { 'main.tf': registryCall('~> 1.0') + '# touched\n', 'vendored/sg/main.tf': OPEN }, [
      [...CACHED.slice(0, 3), 'vendored/sg'] as typeof CACHED,
    ]);
    const { code, doc } = await diff(base, head);
    expect(code).toBe(1);
    expect(doc.findings.filter((f) => f.resource === '.:module.web_sg.aws_security_group_rule.ssh').map((f) => [f.rule, f.severity])).toEqual([
      ['new-ingress', 'critical'],
    ]);
    expect(doc.modules).toEqual([expect.objectContaining({ address: '.:module.web_sg', how: 'init cache', resolvedVersion: '1.4.2' })]);
  });

  it('a local call whose record points elsewhere is read from the record’s directory, not its path', async () => {
    const files = { 'modules/app/main.tf': CLOSED, 'modules/open/main.tf': OPEN };
    const call = 'module "app" {\n  source = "./modules/app"\n  name   = "app"\n}\n';
    const base = root('local-base', { ...files, 'main.tf': call }, [['app', './modules/app', null, 'modules/app']]);
    const head = root('local-head', { ...files, 'main.tf': call + '# touched\n' }, [['app', './modules/app', null, 'modules/open']]);
    const { doc } = await diff(base, head);
    expect(doc.findings.filter((f) => f.resource === '.:module.app.aws_security_group_rule.ssh').map((f) => [f.rule, f.severity])).toEqual([
      ['new-ingress', 'critical'],
    ]);
    expect(doc.modules).toEqual([expect.objectContaining({ address: '.:module.app', how: 'init cache' })]);
  });

  it('a record for another version or source is not what Terraform loads (init installs the call again): not read, never the stale copy', async () => {
    const base = root('stale-base', { 'main.tf': registryCall('~> 1.0') }, [CACHED]);
    const head = root('stale-head', { 'main.tf': registryCall('~> 2.0') }, [CACHED]);
    const { doc } = await diff(base, head);
    expect(doc.findings.map((f) => [f.rule, f.severity, f.location.startLine])).toEqual([['unanalysed-module', 'medium', 3]]);
    const other = root('other-head', { 'main.tf': registryCall('~> 1.0') + '# touched\n' }, [
      [CACHED[0], 'registry.terraform.io/acme-mods/other/aws', '1.4.2', CACHED[3]],
    ]);
    expect((await diff(base, other)).doc.modules).toEqual([expect.objectContaining({ address: 'module.web_sg', how: null })]);
  });

  it('a record pointing at an absolute path is not read (the runner’s files): the call is reported unread', async () => {
    const base = root('abs-base', { 'main.tf': registryCall('~> 1.0') }, [CACHED]);
    const head = root('abs-head', { 'main.tf': registryCall('~> 1.0').replace('"web"', '"web2"') }, [[...CACHED.slice(0, 3), '/etc'] as typeof CACHED]);
    const { doc } = await diff(base, head);
    expect(doc.findings.map((f) => [f.rule, f.severity])).toEqual([['unanalysed-module', 'medium']]);
    expect(doc.modules[0].reason).toContain('/etc, an absolute path outside the repository, not read');
  });
});

describe('a committed init cache read by diff --git, as by the directory reader', () => {
  /** `diff --git HEAD~1 HEAD` of a repository whose commits are `trees`. */
  async function gitDiff(...trees: Record<string, string>[]) {
    let out = '';
    const code = await runCli(['diff', '--git', 'HEAD~1', 'HEAD', '--repo', gitRepo(...trees), '--format', 'json'], {
      stdout: (s) => (out += s),
      stderr: () => {},
      cwd: work,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON document, read loosely
    return { code, doc: JSON.parse(out) as { findings: any[]; modules: any[] } };
  }

  it('a commit that only points the manifest at a copy opening SSH to the world reviews its root: critical', async () => {
    const { code, doc } = await gitDiff(committedInitCache('live', 'web_sg'), committedInitCache('live', 'web_sg_open'));
    expect(code).toBe(1);
    expect(doc.findings.map((f) => [f.rule, f.severity, f.location.file])).toEqual([
      ['new-ingress', 'critical', 'live/main.tf'],
      ['new-internet-path', 'critical', 'live/main.tf'],
    ]);
    expect(doc.modules).toEqual([expect.objectContaining({ address: 'module.web_sg', how: 'init cache' })]);
  });

  it('the same change between two directories reviews the root as well', async () => {
    const [base, head] = [join(work, 'git-base'), join(work, 'git-head')];
    writeTree(base, committedInitCache('live', 'web_sg'));
    writeTree(head, committedInitCache('live', 'web_sg_open'));
    const { doc } = await diff(base, head);
    expect(doc.findings.map((f) => [f.rule, f.severity, f.location.file])).toEqual([
      ['new-ingress', 'critical', 'live/main.tf'],
      ['new-internet-path', 'critical', 'live/main.tf'],
    ]);
  });
});
