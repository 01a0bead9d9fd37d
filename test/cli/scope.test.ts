// A CLI diff reviews what the change touches, as the App reviews a pull request: the touched
// directories and the local modules they call (cli/scope.ts over app/read-revisions.ts); an
// untouched directory's pre-existing problems are not the change's. A scan reads everything.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { readsCidrs } from '../helpers/reads-cidrs.js';
import { siblingModules } from '../helpers/sibling-modules.js';

type Tree = Record<string, string>;

const SSH_WORLD = `resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-1"
  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const group = (name: string, port: number) => `resource "aws_security_group" "${name}" {
  name   = "${name}"
  vpc_id = "vpc-1"
  ingress {
    description = "app"
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`;
const MODULE = `variable "cidrs" { type = list(string) }
resource "aws_security_group" "this" {
  name   = "db"
  vpc_id = "vpc-1"
  ingress {
    description = "Postgres"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}
`;
const caller = (cidr: string) => `module "db" {
  source = "../modules/db"
  cidrs  = ["${cidr}"]
}
`;

/** A tree no change touches: SSH open to the world since forever, and a file that does not parse. */
const UNTOUCHED: Tree = { 'network/main.tf': SSH_WORLD, 'network/broken.tf': 'resource "aws_security_group" "x" {\n' };

function write(root: string, tree: Tree) {
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: tmpdir() });
  return { code, stdout, stderr };
}

/** `diff --git HEAD~1 HEAD` of a repository going from `base` to `head`, and `diff base head` of the same trees. */
async function bothWays(base: Tree, head: Tree, options: string[] = []) {
  const repo = mkdtempSync(join(tmpdir(), 'sg-scope-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { encoding: 'utf8' });
  git('init', '-q');
  write(repo, base);
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('rm', '-rq', '.');
  write(repo, head);
  git('add', '-A');
  git('commit', '-qm', 'head');
  const dirs = mkdtempSync(join(tmpdir(), 'sg-scope-dirs-'));
  const results = [
    await run(['diff', '--git', 'HEAD~1', 'HEAD', '--repo', repo, '--format', 'json', ...options]),
    await run(['diff', write(join(dirs, 'base'), base), write(join(dirs, 'head'), head), '--format', 'json', ...options]),
  ];
  return results.map((r) => {
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as {
      conclusion: string;
      findings: { rule: string; severity: string; title: string; resource: string; location: { file: string } }[];
      stats: { head: { files: number } };
    };
  });
}

const summary = (doc: { findings: { rule: string; severity: string; location: { file: string } }[] }) =>
  doc.findings.map((f) => `${f.rule}:${f.severity} ${f.location.file}`);

describe('CLI diff scope', () => {
  it('reviews only the touched directory: an untouched one with SSH open to the world and a parse error gives nothing', async () => {
    const base = { ...UNTOUCHED, 'app/main.tf': group('app', 8080) };
    const head = { ...UNTOUCHED, 'app/main.tf': group('app', 8080) + group('admin', 22) };
    for (const doc of await bothWays(base, head)) {
      expect(summary(doc)).toEqual(['new-ingress:medium app/main.tf']);
      expect(doc.conclusion).toBe('success');
      expect(doc.stats.head.files).toBe(1);
    }
  });

  it('ignore_paths chooses roots: a module an in-scope root calls is read under an ignored directory, an ignored root is not', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'sg-scope-config-')), 'sg-review.yml');
    writeFileSync(config, 'ignore_paths: ["examples/**"]\n');
    // the module declares no input: the ignored directory is still reviewed through its callers
    const live = 'module "sg" {\n  source = "../examples/sg"\n}\n';
    const base = { 'live/main.tf': live, 'examples/sg/main.tf': group('admin', 22), 'examples/other/main.tf': group('other', 22) };
    const head = { 'live/main.tf': live, 'examples/sg/main.tf': SSH_WORLD, 'examples/other/main.tf': SSH_WORLD.replaceAll('bastion', 'other') };
    for (const doc of await bothWays(base, head, ['--config', config])) {
      expect(doc.conclusion).toBe('failure');
      expect(doc.findings.find((f) => f.rule === 'new-ingress')).toMatchObject({ severity: 'critical', resource: 'module.sg.aws_security_group.bastion' });
      expect(doc.findings.every((f) => !f.location.file.startsWith('examples/other/'))).toBe(true);
    }
  });

  it('reads the local modules a touched directory calls, and the callers of a touched module', async () => {
    const modules = { 'modules/db/main.tf': MODULE };
    // the caller changes its argument: the module's rule opens what it passes
    for (const doc of await bothWays(
      { ...UNTOUCHED, ...modules, 'prod/main.tf': caller('10.0.0.0/8') },
      { ...UNTOUCHED, ...modules, 'prod/main.tf': caller('0.0.0.0/0') },
    )) {
      expect(doc.findings.find((f) => f.rule === 'new-ingress')).toMatchObject({ severity: 'critical', resource: 'module.db.aws_security_group.this' });
      expect(doc.findings.every((f) => !f.location.file.startsWith('network/'))).toBe(true);
    }
    // the module changes: its untouched caller is read, and the rule reviewed with its argument
    const widened = { 'modules/db/main.tf': MODULE.replace('to_port     = 5432', 'to_port     = 5439') };
    for (const doc of await bothWays(
      { ...UNTOUCHED, ...modules, 'prod/main.tf': caller('0.0.0.0/0') },
      { ...UNTOUCHED, ...widened, 'prod/main.tf': caller('0.0.0.0/0') },
    )) {
      expect(doc.findings.find((f) => f.rule === 'new-ingress')).toMatchObject({
        resource: 'module.db.aws_security_group.this',
        location: { file: 'modules/db/main.tf' },
      });
      expect(doc.findings.every((f) => !f.location.file.startsWith('network/'))).toBe(true);
    }
  });

  it('a module that declares an aliased provider (pre-0.13 style) is still reviewed through its caller: adding one does not turn a critical into a pass', async () => {
    const provider = 'provider "aws" {\n  alias  = "eu-west-1"\n  region = "eu-west-1"\n}\n';
    const ssh = { 'modules/db/main.tf': MODULE.replace(/5432/g, '22') };
    for (const doc of await bothWays(
      { 'modules/db/main.tf': MODULE, 'prod/main.tf': caller('0.0.0.0/0') },
      { ...ssh, 'modules/db/provider.tf': provider, 'prod/main.tf': caller('0.0.0.0/0') },
    )) {
      expect(doc.findings.find((f) => f.rule === 'new-ingress')).toMatchObject({
        severity: 'critical',
        resource: 'module.db.aws_security_group.this',
        location: { file: 'modules/db/main.tf' },
      });
      expect(doc.findings.some((f) => f.rule === 'unresolved-value')).toBe(false);
      expect(doc.conclusion).toBe('failure');
    }
  });

  // A PR widens a module's rule to SSH and adds what would make the module look like a root
  // reviewed alone: none of it stops its caller's 0.0.0.0/0 being read.
  const ssh = MODULE.replace(/5432/g, '22');
  const disguises: [string, Tree][] = [
    [
      'a backend block (Terraform ignores it in a called module)',
      { 'modules/db/main.tf': ssh, 'modules/db/backend.tf': 'terraform {\n  backend "s3" {}\n}\n' },
    ],
    ["a terraform.tfvars (a caller's argument overrides it)", { 'modules/db/main.tf': ssh, 'modules/db/terraform.tfvars': 'cidrs = ["10.0.0.0/8"]\n' }],
    [
      'a default on every variable',
      { 'modules/db/main.tf': ssh.replace('{ type = list(string) }', '{\n  type    = list(string)\n  default = ["10.0.0.0/8"]\n}') },
    ],
  ];
  for (const [disguise, module] of disguises) {
    it(`a module disguised as a root by ${disguise} is still reviewed through its caller: the critical stays`, async () => {
      for (const doc of await bothWays(
        { 'modules/db/main.tf': MODULE, 'prod/main.tf': caller('0.0.0.0/0') },
        { ...module, 'prod/main.tf': caller('0.0.0.0/0') },
      )) {
        expect(doc.findings.find((f) => f.rule === 'new-ingress' && f.severity === 'critical')).toMatchObject({
          resource: 'module.db.aws_security_group.this',
          location: { file: 'modules/db/main.tf' },
        });
        expect(doc.conclusion).toBe('failure');
      }
    });
  }

  it('touching one caller of a widened module too does not hide its other callers', async () => {
    const dev = { 'dev/main.tf': caller('10.0.0.0/8') };
    for (const doc of await bothWays(
      { 'modules/db/main.tf': MODULE, ...dev, 'prod/main.tf': caller('0.0.0.0/0') },
      { 'modules/db/main.tf': ssh, 'dev/main.tf': caller('10.1.0.0/16'), 'prod/main.tf': caller('0.0.0.0/0') },
    )) {
      expect(doc.findings.filter((f) => f.rule === 'new-ingress').map((f) => `${f.severity} ${f.resource}`)).toEqual([
        'critical prod:module.db.aws_security_group.this',
        'low dev:module.db.aws_security_group.this',
      ]);
    }
  });

  it('a module with outputs only (shared ranges) is reviewed through its callers when its Terraform changes (the output or what feeds it); an unchanged one is not searched for', async () => {
    const ranges = (cidr: string) => `output "office_cidrs" {\n  value = ["${cidr}"]\n}\n`;
    const live = `module "netdefs" {\n  source = "../modules/netdefs"\n}\nresource "aws_security_group" "admin" {\n  name   = "admin"\n  vpc_id = "vpc-1"\n  ingress {\n    description = "ssh"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = module.netdefs.office_cidrs\n  }\n}\n`;
    for (const doc of await bothWays(
      { 'modules/netdefs/outputs.tf': ranges('10.0.0.0/16'), 'live/main.tf': live },
      { 'modules/netdefs/outputs.tf': ranges('0.0.0.0/0'), 'live/main.tf': live },
    ))
      expect(summary(doc)).toEqual(['new-ingress:critical live/main.tf', 'new-internet-path:critical live/main.tf']);
    // the output's text as it was, the local behind it widened
    const viaLocal = (cidr: string) => `locals {\n  office = ["${cidr}"]\n}\noutput "office_cidrs" {\n  value = local.office\n}\n`;
    for (const doc of await bothWays(
      { 'modules/netdefs/outputs.tf': viaLocal('10.0.0.0/16'), 'live/main.tf': live },
      { 'modules/netdefs/outputs.tf': viaLocal('0.0.0.0/0'), 'live/main.tf': live },
    ))
      expect(summary(doc)).toEqual(['new-ingress:critical live/main.tf', 'new-internet-path:critical live/main.tf']);
    // a comment beside the output: the output's text is unchanged, no caller is read
    for (const doc of await bothWays(
      { 'modules/netdefs/outputs.tf': ranges('10.0.0.0/16'), 'live/main.tf': live },
      { 'modules/netdefs/outputs.tf': `# ranges\n${ranges('10.0.0.0/16')}`, 'live/main.tf': live },
    ))
      expect(doc.stats.head.files).toBe(1);
  });

  it('a module reviewed through its caller: the caller\'s other local modules are read too, so an argument from one\'s output is its group, never a directory "with no Terraform files"', async () => {
    for (const doc of await bothWays(siblingModules(443), siblingModules(8443))) {
      expect(doc.findings.map((f) => `${f.rule}:${f.severity} ${f.title}`)).toEqual([
        'new-ingress:low HTTPS alt (8443/tcp) opened from module.b.aws_security_group.lb on module.a.aws_security_group.app',
      ]);
      expect(JSON.stringify(doc)).not.toContain('no Terraform files');
    }
  });

  it('a directory whose module lies above it (an example of a module repository): paths and names from the top of the tree read, never ../', async () => {
    const example = (cidr: string) => `module "db" {\n  source = "../.."\n  cidrs  = ["${cidr}"]\n}\n`;
    const dirs = mkdtempSync(join(tmpdir(), 'sg-scope-above-'));
    const base = write(join(dirs, 'base'), { 'main.tf': MODULE, 'examples/complete/main.tf': example('10.0.0.0/8') });
    const head = write(join(dirs, 'head'), {
      'main.tf': MODULE.replace('to_port     = 5432', 'to_port     = 5439'),
      'examples/complete/main.tf': example('0.0.0.0/0'),
    });
    const r = await run(['diff', join(base, 'examples/complete'), join(head, 'examples/complete'), '--format', 'json']);
    expect(r.stderr).toBe('');
    // the call's own source text stays "../.."; no path or name starts above the tree
    expect(r.stdout).not.toMatch(/"file": "\.\.\/|\.\.:/);
    const doc = JSON.parse(r.stdout) as {
      findings: { rule: string; title: string; resource: string; location: { file: string }; related?: { file: string }[] }[];
    };
    const ingress = doc.findings.find((f) => f.rule === 'new-ingress')!;
    // the rule changed: the finding sits on it, in the module at the top
    expect(ingress).toMatchObject({ resource: 'module.db.aws_security_group.this', location: { file: 'main.tf' } });
    // named as the module's own, as the standalone instance's findings are (the call is in the message)
    expect(ingress.title).toBe('5432-5439/tcp opened to the internet on aws_security_group.this');
    const model = await run(['model', join(head, 'examples/complete'), '--format', 'json']);
    expect(model.stdout).not.toMatch(/"file": "\.\.\/|\.\.:/);
    expect(model.stdout).toContain('"file": "main.tf"');
  });

  it('a change to no Terraform file reviews nothing', async () => {
    for (const doc of await bothWays({ ...UNTOUCHED, 'README.md': 'a' }, { ...UNTOUCHED, 'README.md': 'b' })) {
      expect(doc.findings).toEqual([]);
      expect(doc.conclusion).toBe('success');
    }
  });

  it('a scan still reads the whole tree', async () => {
    const dir = write(mkdtempSync(join(tmpdir(), 'sg-scope-scan-')), { ...UNTOUCHED, 'app/main.tf': group('app', 8080) });
    const r = await run(['scan', dir, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { findings: { rule: string; location: { file: string } }[] };
    expect(doc.findings.map((f) => `${f.rule} ${f.location.file}`)).toEqual(
      expect.arrayContaining(['parse-error network/broken.tf', 'new-ingress network/main.tf']),
    );
  });
});

const JSON_CIDRS = readsCidrs('jsondecode(file("${path.module}/data/admin.json"))');

describe('CLI diff: files the configuration reads through file()', () => {
  it('a change to only the data file touches the directory that reads it, and its new value is reviewed', async () => {
    const base = { ...UNTOUCHED, 'live/main.tf': JSON_CIDRS, 'live/data/admin.json': '["198.51.100.0/24"]' };
    const head = { ...base, 'live/data/admin.json': '["0.0.0.0/0"]' };
    for (const doc of await bothWays(base, head)) {
      expect(doc.conclusion).toBe('failure');
      expect(summary(doc)).toEqual(['new-ingress:critical live/main.tf', 'new-internet-path:critical live/main.tf']);
    }
  });

  it('a template read by a module, and a YAML file read by a root through its own relative path', async () => {
    const module = MODULE.replace(
      'cidr_blocks = var.cidrs',
      'cidr_blocks = split(",", trimspace(templatefile("${path.module}/cidrs.tpl", { extra = var.cidrs[0] })))',
    );
    const base = {
      'modules/db/main.tf': module,
      'modules/db/cidrs.tpl': '10.0.0.0/8,${extra}\n',
      'prod/main.tf': `module "db" {\n  source = "../modules/db"\n  cidrs  = [yamldecode(file("extra.yaml")).cidr]\n}\n`,
      'prod/extra.yaml': 'cidr: 10.1.0.0/16\n',
    };
    for (const head of [
      { ...base, 'modules/db/cidrs.tpl': '0.0.0.0/0,${extra}\n' },
      { ...base, 'prod/extra.yaml': 'cidr: 0.0.0.0/0\n' },
    ]) {
      for (const doc of await bothWays(base, head)) {
        expect(doc.findings.find((f) => f.rule === 'new-ingress')).toMatchObject({ severity: 'critical', resource: 'module.db.aws_security_group.this' });
      }
    }
  });

  it('a file over max_data_file_bytes, or a link, is not read: the value is unresolved and fails, the bound is reported', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'sg-data-bound-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { encoding: 'utf8' });
    git('init', '-q');
    write(repo, { 'live/main.tf': readsCidrs('["198.51.100.0/24"]') });
    git('add', '-A');
    git('commit', '-qm', 'base');
    write(repo, { 'live/main.tf': JSON_CIDRS, 'live/data/admin.json': `["0.0.0.0/0"]${' '.repeat(100)}` });
    git('add', '-A');
    git('commit', '-qm', 'head');
    const config = join(repo, 'sg-review.yml');
    writeFileSync(config, 'max_data_file_bytes: 50\n');
    const r = await run(['diff', '--git', 'HEAD~1', 'HEAD', '--repo', repo, '--format', 'json', '--config', config]);
    const doc = JSON.parse(r.stdout) as { conclusion: string; findings: { rule: string; severity: string; message: string }[] };
    expect(doc.conclusion).toBe('failure');
    expect(doc.findings.map((f) => `${f.rule}:${f.severity}`).sort()).toEqual(['analysis-limit:high', 'unresolved-value:high']);
    expect(doc.findings.find((f) => f.rule === 'analysis-limit')!.message).toContain('live/data/admin.json is 113 bytes, more than max_data_file_bytes (50)');
    // within the bound it is read
    writeFileSync(config, 'max_data_file_bytes: 1000\n');
    const read = JSON.parse((await run(['diff', '--git', 'HEAD~1', 'HEAD', '--repo', repo, '--format', 'json', '--config', config])).stdout) as typeof doc;
    expect(read.findings.find((f) => f.rule === 'new-ingress')?.severity).toBe('critical');
    // a link is not followed (its target may lie outside the repository)
    git('rm', '-q', 'live/data/admin.json');
    mkdirSync(join(repo, 'live/data'));
    symlinkSync('/etc/hostname', join(repo, 'live/data/admin.json'));
    git('add', '-A');
    git('commit', '-qm', 'link');
    const linked = JSON.parse((await run(['diff', '--git', 'HEAD~2', 'HEAD', '--repo', repo, '--format', 'json'])).stdout) as typeof doc;
    expect(linked.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['unresolved-value:high']);
    expect(linked.findings[0]!.message).toContain('is a symbolic link');
  });
});

describe('CLI diff: var files (-var-file)', () => {
  const VAR_CIDRS = readsCidrs('var.admin_cidrs').replace('locals {', 'variable "admin_cidrs" {\n  type = list(string)\n}\nlocals {');
  const base = {
    ...UNTOUCHED,
    'live/main.tf': VAR_CIDRS,
    'live/terraform.tfvars': 'admin_cidrs = ["203.0.113.0/24"]\n',
    'live/envs/prod.tfvars': 'admin_cidrs = ["198.51.100.0/24"]\n',
  };
  const head = { ...base, 'live/envs/prod.tfvars': 'admin_cidrs = ["0.0.0.0/0"]\n' };

  it('a changed var file no root is configured with is high, at its changed line, and nothing else is reviewed', async () => {
    for (const doc of await bothWays(base, head)) {
      expect(doc.conclusion).toBe('failure');
      expect(summary(doc)).toEqual(['unresolved-value:high live/envs/prod.tfvars']);
    }
  });

  it("configured for its root, its values are that root's tfvars after terraform.tfvars: the widened value is critical at the var file", async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'sg-var-files-')), 'sg-review.yml');
    writeFileSync(config, 'var_files:\n  "live": ["envs/prod.tfvars"]\n');
    for (const doc of await bothWays(base, head, ['--config', config])) {
      expect(summary(doc)).toEqual(['new-ingress:critical live/envs/prod.tfvars', 'new-internet-path:critical live/envs/prod.tfvars']);
    }
    // terraform.tfvars' value alone would be no finding: the var file, applied after it, wins at the base too
    const narrowed = { ...base, 'live/envs/prod.tfvars': 'admin_cidrs = ["198.51.100.0/25"]\n' };
    for (const doc of await bothWays(base, narrowed, ['--config', config])) expect(doc.conclusion).toBe('success');
  });
});
