// Symbolic links to Terraform files: read as their target inside the tree, and a link a PR
// author points anywhere else (the runner's files, outside the repository, a cycle, nothing)
// is an unreadable file (a parse error naming it), never read, never skipped.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTerraformTree } from '../../src/adapters/files.js';
import { readGitTree } from '../../src/adapters/git.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { MAX_LINK_HOPS } from '../../src/engine/hcl/links.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { scopeToChange } from '../../src/cli/scope.js';
import { runCli } from '../../src/cli/run.js';

const GLOBALS = 'variable "admin_cidrs" {\n  default = ["192.0.2.10/32"]\n}\n';
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sg-review-links-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A repository with a shared globals.tf linked into a root, and every kind of bad link. */
function writeTree(root: string, outside: string) {
  writeFileSync(join(outside, 'secret.tf'), 'SECRET-CONTENT\n');
  mkdirSync(join(root, 'terraform/cf'), { recursive: true });
  mkdirSync(join(root, 'terraform/chain'), { recursive: true });
  writeFileSync(join(root, 'terraform/globals.tf'), GLOBALS);
  symlinkSync('../globals.tf', join(root, 'terraform/cf/globals.tf'));
  symlinkSync('./globals.tf', join(root, 'terraform/cf/again.tf')); // a link to a link
  symlinkSync('/etc/passwd', join(root, 'terraform/cf/passwd.tf'));
  symlinkSync(join(outside, 'secret.tf'), join(root, 'terraform/cf/absolute.tf'));
  symlinkSync('../../../outside/secret.tf', join(root, 'terraform/cf/escape.tf'));
  symlinkSync('loop-b.tf', join(root, 'terraform/cf/loop-a.tf'));
  symlinkSync('loop-a.tf', join(root, 'terraform/cf/loop-b.tf'));
  symlinkSync('missing.tf', join(root, 'terraform/cf/dangling.tf'));
  for (let i = 0; i <= MAX_LINK_HOPS; i++) symlinkSync(`c${i + 1}.tf`, join(root, `terraform/chain/c${i}.tf`));
  writeFileSync(join(root, `terraform/chain/c${MAX_LINK_HOPS + 1}.tf`), GLOBALS);
}

const EXPECTED_UNREADABLE = {
  'terraform/cf/passwd.tf': 'a symbolic link to an absolute path, not followed',
  'terraform/cf/absolute.tf': 'a symbolic link to an absolute path, not followed',
  'terraform/cf/escape.tf': 'a symbolic link to a path outside the repository, not followed',
  'terraform/cf/loop-a.tf': 'a symbolic link in a cycle of links',
  'terraform/cf/loop-b.tf': 'a symbolic link in a cycle of links',
  'terraform/cf/dangling.tf': 'a symbolic link to a file that does not exist (dangling)',
  'terraform/chain/c0.tf': `a symbolic link through more than ${MAX_LINK_HOPS} links (max_link_hops), not followed`,
};

/** Runs git in `root` as a fixed author. */
const gitIn =
  (root: string) =>
  (...args: string[]) =>
    execFileSync('git', ['-C', root, ...args], {
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
    });

function expectRead(files: { path: string; content: string; unreadable?: string }[]) {
  const byPath = new Map(files.map((f) => [f.path, f]));
  expect(byPath.get('terraform/cf/globals.tf')).toEqual({ path: 'terraform/cf/globals.tf', content: GLOBALS, linkTo: 'terraform/globals.tf' });
  expect(byPath.get('terraform/cf/again.tf')).toEqual({ path: 'terraform/cf/again.tf', content: GLOBALS, linkTo: 'terraform/globals.tf' });
  for (const [path, unreadable] of Object.entries(EXPECTED_UNREADABLE)) expect(byPath.get(path)).toEqual({ path, content: '', unreadable });
  expect(files.some((f) => f.content.includes('SECRET') || f.content.includes('root:'))).toBe(false);
}

describe('symbolic links to Terraform files', () => {
  it('the directory reader reads a link inside the tree as its target; other links are unreadable', async () => {
    const [root, outside] = [join(tempDir(), 'repo'), tempDir()];
    mkdirSync(root);
    writeTree(root, outside);
    expectRead(await readTerraformTree(root));
  });

  it('max_link_hops bounds the chain: the directory and git readers follow as many links as given, and the CLI takes it from --config', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'chain'));
    writeFileSync(join(root, 'chain/c2.tf'), GLOBALS);
    symlinkSync('c2.tf', join(root, 'chain/c1.tf'));
    symlinkSync('c1.tf', join(root, 'chain/c0.tf'));
    const c0 = (files: { path: string; content: string; unreadable?: string }[]) => files.find((f) => f.path === 'chain/c0.tf');
    expect(c0(await readTerraformTree(root, 2))).toMatchObject({ content: GLOBALS });
    expect(c0(await readTerraformTree(root, 1))).toEqual({
      path: 'chain/c0.tf',
      content: '',
      unreadable: 'a symbolic link through more than 1 links (max_link_hops), not followed',
    });
    const git = gitIn(root);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'chain');
    expect(c0(await readGitTree(root, 'HEAD', 2))).toMatchObject({ content: GLOBALS });
    expect(c0(await readGitTree(root, 'HEAD', 1))).toMatchObject({ unreadable: 'a symbolic link through more than 1 links (max_link_hops), not followed' });
    writeFileSync(join(root, 'sg-review.yml'), 'max_link_hops: 1\n');
    let out = '';
    const code = await runCli(['scan', join(root, 'chain'), '--format', 'json', '--config', join(root, 'sg-review.yml')], {
      stdout: (s) => (out += s),
      stderr: () => {},
      cwd: root,
    });
    expect(code).toBe(1);
    const doc = JSON.parse(out) as { findings: { rule: string; location: { file: string }; message: string }[] };
    expect(doc.findings.map((f) => [f.rule, f.location.file])).toEqual([['parse-error', 'c0.tf']]);
    expect(doc.findings[0]!.message).toContain('(max_link_hops)');
  });

  it('a link through a directory link that leaves the tree is not read (the real path decides)', async () => {
    const [root, outside] = [tempDir(), tempDir()];
    writeFileSync(join(outside, 'secret.tf'), 'SECRET-CONTENT\n');
    symlinkSync(outside, join(root, 'shared'));
    symlinkSync('shared/secret.tf', join(root, 'main.tf'));
    expect(await readTerraformTree(root)).toEqual([
      { path: 'main.tf', content: '', unreadable: 'a symbolic link to a path outside the repository, not followed' },
    ]);
  });

  it('a module directory linked out of the tree is not read by the directory reader: a parse error where its files would be', async () => {
    const [base, head, outside] = [tempDir(), tempDir(), tempDir()];
    writeFileSync(join(outside, 'main.tf'), 'SECRET-CONTENT\n');
    for (const root of [base, head]) {
      mkdirSync(join(root, 'live'));
      writeFileSync(join(root, 'live/main.tf'), 'module "sg" {\n  source = "./sg"\n}\n');
    }
    mkdirSync(join(base, 'live/sg'));
    writeFileSync(join(base, 'live/sg/main.tf'), '# nothing\n');
    symlinkSync(outside, join(head, 'live/sg'));
    let out = '';
    await runCli(['diff', base, head, '--format', 'json'], { stdout: (t) => (out += t), stderr: () => {}, cwd: tmpdir() });
    const doc = JSON.parse(out) as { findings: { rule: string; severity: string; location: { file: string }; message: string }[] };
    expect(doc.findings.map((f) => [f.rule, f.severity, f.location.file])).toEqual([['parse-error', 'high', 'live/sg/*.tf']]);
    expect(doc.findings[0]!.message).toContain('a symbolic link to an absolute path, not followed');
    expect(out).not.toContain('SECRET');
  });

  it('the git reader reads link blobs (mode 120000) the same way', async () => {
    const [root, outside] = [tempDir(), tempDir()];
    writeTree(root, outside);
    const git = gitIn(root);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'links');
    expectRead(await readGitTree(root, 'HEAD'));
  });

  it("diff --git: a commit that changes only a link target reviews the directory holding the link (its content is the target's)", async () => {
    const root = tempDir();
    mkdirSync(join(root, 'terraform/cf'), { recursive: true });
    writeFileSync(join(root, 'terraform/globals.tf'), GLOBALS);
    writeFileSync(join(root, 'terraform/cf/main.tf'), 'resource "aws_security_group" "api" {\n  name = "api"\n}\n');
    symlinkSync('../globals.tf', join(root, 'terraform/cf/globals.tf'));
    mkdirSync(join(root, 'other'));
    writeFileSync(join(root, 'other/main.tf'), 'resource "aws_security_group" "other" {\n  name = "other"\n}\n');
    const git = gitIn(root);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    writeFileSync(join(root, 'terraform/globals.tf'), GLOBALS.replace('192.0.2.10/32', '0.0.0.0/0'));
    git('commit', '-qam', 'head');
    const scoped = await scopeToChange(await readGitTree(root, 'HEAD~1'), await readGitTree(root, 'HEAD'), DEFAULT_CONFIG);
    expect(scoped.dirs).toEqual(['terraform', 'terraform/cf']);
  });

  it('a bad link is a parse error naming the file, high when the PR adds it', async () => {
    const file = { path: 'main.tf', content: '', unreadable: 'a symbolic link to an absolute path, not followed' };
    const { findings } = await reviewFiles([], [file], DEFAULT_CONFIG);
    expect(findings.map((f) => [f.rule, f.severity, f.title, f.message.split('\n')[0]])).toEqual([
      ['parse-error', 'high', 'main.tf does not parse', '`main.tf` line 1, column 1: not readable as text: a symbolic link to an absolute path, not followed'],
    ]);
  });
});
