// File names a PR author may choose (line breaks, tabs, U+2028) and content that is not text:
// each reader hands them to the engine like any other file, or as unreadable, never as empty.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTerraformTree } from '../../src/adapters/files.js';
import { readGitTree } from '../../src/adapters/git.js';
import { pathFilter } from '../../src/config/paths.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { isTerraformFile } from '../../src/engine/load.js';
import { changedPaths, reviewFiles } from '../../src/engine/review-files.js';
import { readDirectories } from '../../src/github/trees.js';
import type { Octokit } from '../../src/github/octokit.js';
import { gitHubClient } from '../../src/github/types.js';

const ODD = ['line\nbreak.tf', 'carriage\rreturn.tf', 'separator\u2028line.tf', 'tab\there.tf'];
const RULE = `resource "aws_security_group" "NAME" {
  ingress {
    description = "x"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sg-review-odd-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writeTree(dir: string) {
  ODD.forEach((name, i) => writeFileSync(join(dir, name), RULE.replace('NAME', `g${i}`)));
  writeFileSync(join(dir, 'binary.tf'), Buffer.from([0x72, 0xff, 0xfe, 0x00, 0x80]));
}

describe('odd file names', () => {
  it('the default and configured globs match names with line breaks', () => {
    const all = pathFilter(DEFAULT_CONFIG);
    const infra = pathFilter({ paths: ['infra/**/*.tf'], ignore_paths: ['**/skip*/**'] });
    for (const name of ODD) {
      expect(all(`dir/${name}`)).toBe(true);
      expect(infra(`infra/a\nb/${name}`)).toBe(true);
      expect(infra(`infra/skip\n/${name}`)).toBe(false);
    }
  });

  it('hidden .tf files are not Terraform files (Terraform ignores them), other odd names are', () => {
    expect(['.hidden.tf', 'd/.x.tf.json'].map(isTerraformFile)).toEqual([false, false]);
    expect([...ODD, 'd/-.tf', 'd/ .tf', 'd/.d/x.tf'].map(isTerraformFile).every(Boolean)).toBe(true);
  });

  it('the directory reader reads them, and reads bytes that are not UTF-8 as unreadable', async () => {
    const dir = tempDir();
    writeTree(dir);
    const files = await readTerraformTree(dir);
    expect(files.map((f) => f.path).sort()).toEqual(['binary.tf', ...ODD].sort());
    expect(files.find((f) => f.path === 'binary.tf')).toMatchObject({ content: '', unreadable: expect.stringContaining('UTF-8') });
    const result = await reviewFiles([], files, DEFAULT_CONFIG);
    expect(
      result.findings
        .filter((f) => f.rule === 'new-ingress')
        .map((f) => f.location.file)
        .sort(),
    ).toEqual([...ODD].sort());
    expect(result.findings.filter((f) => f.rule === 'parse-error').map((f) => f.location.file)).toEqual(['binary.tf']);
  });

  it('the git reader reads them too (tabs included)', async () => {
    const repo = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { stdio: 'pipe' });
    git('init', '-q');
    writeTree(repo);
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'odd');
    const files = await readGitTree(repo, 'HEAD');
    expect(files.map((f) => f.path).sort()).toEqual(['binary.tf', ...ODD].sort());
    expect(files.find((f) => f.path === 'tab\there.tf')!.content).toContain('"g3"');
    expect(files.find((f) => f.path === 'binary.tf')!.unreadable).toBeDefined();
  });

  it('the GitHub reader passes a blob without text (binary) as unreadable', async () => {
    const octokit = {
      graphql: async () => ({
        repository: {
          r0: {
            entries: [
              { name: 'a\nb.tf', type: 'blob', object: { text: RULE, isTruncated: false, oid: '1' } },
              { name: 'bin.tf', type: 'blob', object: { text: null, isTruncated: false, oid: '2' } },
            ],
          },
        },
      }),
    } as unknown as Octokit;
    const out = await readDirectories(gitHubClient(octokit), { owner: 'o', repo: 'r' }, ['sha'], ['']);
    expect(out.get('sha')).toEqual([
      { path: 'a\nb.tf', content: RULE },
      { path: 'bin.tf', content: '', unreadable: 'GitHub reports binary content', blob: '2' },
    ]);
  });

  it('a changed file no reader can decode (git-crypt, not UTF-8) is a changed path for the disk and git readers, the same bytes are not', async () => {
    const sealed = (secret: string) => Buffer.concat([Buffer.from('\0GITCRYPT\0'), Buffer.from(secret)]);
    const latin1 = (cidr: string) => Buffer.from(`# accès\nadmin_cidrs = ["${cidr}"]\n`, 'latin1');
    const trees = [
      { 'secrets.auto.tfvars': sealed('narrow'), 'old.auto.tfvars': latin1('10.0.0.0/8'), 'same.auto.tfvars': sealed('kept') },
      { 'secrets.auto.tfvars': sealed('wide open'), 'old.auto.tfvars': latin1('0.0.0.0/0'), 'same.auto.tfvars': sealed('kept') },
    ];
    const dirs = trees.map((t) => {
      const d = mkdtempSync(join(tmpdir(), 'sg-sealed-'));
      for (const [path, bytes] of Object.entries(t)) writeFileSync(join(d, path), bytes);
      return d;
    });
    const repo = mkdtempSync(join(tmpdir(), 'sg-sealed-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args]);
    git('init', '-q', '-b', 'main');
    for (const t of trees) {
      for (const [path, bytes] of Object.entries(t)) writeFileSync(join(repo, path), bytes);
      git('add', '-A');
      git('commit', '-qm', 'x');
    }
    try {
      const onDisk = await Promise.all(dirs.map((d) => readTerraformTree(d)));
      const inGit = await Promise.all(['HEAD~1', 'HEAD'].map((ref) => readGitTree(repo, ref)));
      for (const [base, head] of [onDisk, inGit]) {
        expect(head!.every((f) => f.unreadable !== undefined && f.content === '')).toBe(true);
        expect(changedPaths(base!, head!)).toEqual(['old.auto.tfvars', 'secrets.auto.tfvars']);
      }
      // either reader names the same bytes alike (`pr --local`: the head on disk, the base from git or GitHub)
      expect(changedPaths(inGit[1]!, onDisk[1]!)).toEqual([]);
    } finally {
      for (const d of [...dirs, repo]) rmSync(d, { recursive: true, force: true });
    }
  });
});
