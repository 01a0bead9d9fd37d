// The bounds of what a diff reads (app/read-revisions.ts, shared with the App): local modules
// as deep as `max_module_depth`, callers searched in at most `max_caller_dirs` directories. A
// PR author controls the tree, so a bound hit is an `analysis-limit` finding, never a quiet pass.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { gitRepo, writeTree, type Tree } from '../helpers/git-repo.js';

interface Doc {
  conclusion: string;
  findings: { rule: string; severity: string; title: string; message: string; location: { file: string; startLine: number } }[];
}

/** `diff --git HEAD~1 HEAD` with a configuration file holding `config`. */
async function diff(repo: string, config = '') {
  const file = join(mkdtempSync(join(tmpdir(), 'sg-bounds-')), 'sg-review.yml');
  writeFileSync(file, config);
  let stdout = '';
  let stderr = '';
  const code = await runCli(['diff', '--git', 'HEAD~1', 'HEAD', '--repo', repo, '--format', 'json', '--config', file], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: tmpdir(),
  });
  expect(stderr).toBe('');
  expect(code).toBeLessThan(2);
  return JSON.parse(stdout) as Doc;
}

const short = (doc: Doc) => doc.findings.map((f) => `${f.rule}:${f.severity} ${f.location.file}:${f.location.startLine}`);

const module = (port: number) => `variable "cidrs" {
  type = list(string)
}

resource "aws_security_group" "this" {
  name   = "app"
  vpc_id = "vpc-1"
  ingress {
    description = "app"
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.this.id]
}
`;
const CALLER = 'module "sg" {\n  source = "../modules/sg"\n  cidrs  = ["0.0.0.0/0"]\n}\n';
const other = (n: number) => `resource "aws_security_group" "g${n}" {\n  name   = "g${n}"\n  vpc_id = "vpc-1"\n}\n`;
/** `n` directories named to sort before the caller `zz`. */
const padding = (n: number, under = 'pad'): Tree => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${under}/a${i}/main.tf`, other(i)]));

describe('max_caller_dirs: the search for the callers of a changed module', () => {
  const repo = (extra: Tree, added: Tree = {}) =>
    gitRepo(
      { 'modules/sg/main.tf': module(443), 'zz/main.tf': CALLER, ...extra },
      { 'modules/sg/main.tf': module(22), 'zz/main.tf': CALLER, ...extra, ...added },
    );

  it('past the bound, the cut is a high analysis-limit on the module, never a quiet pass', async () => {
    const doc = await diff(repo(padding(3)), 'max_caller_dirs: 2\n');
    expect(short(doc)).toEqual(['analysis-limit:high modules/sg/main.tf:1', 'unresolved-value:medium modules/sg/main.tf:8']);
    expect(doc.findings[0]!.message).toContain('The callers of `modules/sg` were searched in 2 of 4 directories');
    expect(doc.conclusion).toBe('failure');
  });

  it('within the bound the caller is found: the critical of its 0.0.0.0/0', async () => {
    const doc = await diff(repo(padding(3)));
    expect(short(doc)).toEqual(['new-ingress:critical modules/sg/main.tf:8']);
  });

  it('ignored directories are left out before the cut: they cannot push the caller out', async () => {
    const doc = await diff(repo(padding(3)), 'max_caller_dirs: 2\nignore_paths: ["pad/**"]\n');
    expect(short(doc)).toEqual(['new-ingress:critical modules/sg/main.tf:8']);
  });

  it('directories the PR adds cannot crowd out the caller: they are touched, so read in their own right', async () => {
    const doc = await diff(repo({}, padding(3)), 'max_caller_dirs: 2\n');
    expect(short(doc)).toEqual(['new-ingress:critical modules/sg/main.tf:8']);
  });
});

describe('max_module_depth: local modules read below a changed directory', () => {
  const level = (next: string) => `variable "cidrs" {\n  type = list(string)\n}\n\nmodule "next" {\n  source = "../${next}"\n  cidrs  = var.cidrs\n}\n`;
  const chain = (cidr: string, comment = ''): Tree => ({
    'root/main.tf': `${comment}module "m1" {\n  source = "../m1"\n  cidrs  = ["${cidr}"]\n}\n`,
    'm1/main.tf': level('m2'),
    'm2/main.tf': level('m3'),
    'm3/main.tf': level('m4'),
    'm4/main.tf': level('m5'),
    'm5/main.tf': module(22),
  });

  it('five levels are read by default: the root argument that opens SSH four modules down is critical', async () => {
    const doc = await diff(gitRepo(chain('198.51.100.0/24'), chain('0.0.0.0/0')));
    expect(short(doc)).toEqual(['new-ingress:critical root/main.tf:3', 'new-internet-path:critical root/main.tf:3']);
  });

  it('past the bound, the call not followed is a high analysis-limit when what reaches it changed', async () => {
    const doc = await diff(gitRepo(chain('198.51.100.0/24'), chain('0.0.0.0/0')), 'max_module_depth: 3\n');
    expect(short(doc)).toEqual(['analysis-limit:high m3/main.tf:5']);
    expect(doc.findings[0]!.message).toContain('module.m1.module.next.module.next.module.next (source "../m4") lies more than 3 modules deep');
    expect(doc.conclusion).toBe('failure');
  });

  it('and low when the base hits the same bound with the same arguments', async () => {
    const doc = await diff(gitRepo(chain('198.51.100.0/24'), chain('198.51.100.0/24', '# the app\n')), 'max_module_depth: 3\n');
    expect(short(doc)).toEqual(['analysis-limit:low m3/main.tf:5']);
  });
});

describe('a module committed under .terraform/ and called by a local path', () => {
  // Terraform reads a local path in place, under .terraform/ too (only modules.json entries are installed copies)
  const root = 'module "x" {\n  source = "./.terraform/modules/x"\n  cidrs  = ["0.0.0.0/0"]\n}\n';

  it('a change to the module alone is reviewed through its caller, on the changed rule', async () => {
    const doc = await diff(
      gitRepo({ 'main.tf': root, '.terraform/modules/x/main.tf': module(443) }, { 'main.tf': root, '.terraform/modules/x/main.tf': module(22) }),
    );
    expect(short(doc)).toEqual(['new-ingress:critical .terraform/modules/x/main.tf:8']);
    expect(doc.conclusion).toBe('failure');
  });

  it('also when the module declares no input (it is never a root of its own)', async () => {
    const fixed = (port: number) => module(port).replace('variable "cidrs" {\n  type = list(string)\n}\n', '').replace('var.cidrs', '["0.0.0.0/0"]');
    const call = 'module "x" {\n  source = "./.terraform/modules/x"\n}\n';
    const doc = await diff(
      gitRepo({ 'main.tf': call, '.terraform/modules/x/main.tf': fixed(443) }, { 'main.tf': call, '.terraform/modules/x/main.tf': fixed(22) }),
    );
    expect(short(doc)).toEqual(['new-ingress:critical .terraform/modules/x/main.tf:5']);
  });
});

describe('a directory symbolic link used as a module source', () => {
  const fixed = (cidr: string) => module(22).replace('variable "cidrs" {\n  type = list(string)\n}\n', '').replace('var.cidrs', `["${cidr}"]`);
  const tree = (target: string): Tree => ({
    'live/main.tf': 'module "sg" {\n  source = "./sg"\n}\n',
    'live/sg': { link: target },
    'modules/v1/main.tf': fixed('10.0.0.0/8'),
    'modules/v2/main.tf': fixed('0.0.0.0/0'),
  });

  it('retargeting the link changes the module its callers read: reviewed through them', async () => {
    const doc = await diff(gitRepo(tree('../modules/v1'), tree('../modules/v2')));
    expect(short(doc)).toEqual(['new-ingress:critical live/sg/main.tf:5', 'new-internet-path:critical live/sg/main.tf:5']);
    expect(doc.findings[0]!.title).toBe('SSH (22/tcp) opened to the internet on module.sg.aws_security_group.this');
  });

  it('diff of two directories reads the link as diff --git does: retargeting it is reviewed through its caller', async () => {
    const [base, head] = [mkdtempSync(join(tmpdir(), 'sg-dirlink-')), mkdtempSync(join(tmpdir(), 'sg-dirlink-'))];
    writeTree(base, tree('../modules/v1'));
    writeTree(head, tree('../modules/v2'));
    let stdout = '';
    await runCli(['diff', base, head, '--format', 'json'], { stdout: (s) => (stdout += s), stderr: () => {}, cwd: tmpdir() });
    expect(short(JSON.parse(stdout) as Doc)).toEqual(['new-ingress:critical live/sg/main.tf:5', 'new-internet-path:critical live/sg/main.tf:5']);
  });

  it('a link out of the repository is not followed, and says so: a high parse-error where its files would be', async () => {
    const doc = await diff(gitRepo(tree('../modules/v1'), tree('../../../etc')));
    expect(short(doc)).toEqual(['parse-error:high live/sg/*.tf:1']);
    expect(doc.findings[0]!.message).toContain('a symbolic link to a path outside the repository, not followed');
    expect(doc.conclusion).toBe('failure');
  });
});
