// A git repository built in a test: one commit per tree, each the whole repository (files
// missing from a tree are deleted in its commit). Trees may hold symbolic links.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A file's content, or `{ link }`: a symbolic link with that target text. */
export type Tree = Record<string, string | { link: string }>;

/** Writes `tree` below `root`. */
export function writeTree(root: string, tree: Tree): string {
  for (const [path, content] of Object.entries(tree)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof content === 'string') writeFileSync(full, content);
    else symlinkSync(content.link, full);
  }
  return root;
}

/** A repository whose commits are `trees` in order, on branch `main`; returns its path. */
export function gitRepo(...trees: Tree[]): string {
  const repo = mkdtempSync(join(tmpdir(), 'sg-repo-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  trees.forEach((tree, i) => {
    if (i > 0) git('rm', '-rq', '--cached', '.');
    for (const path of Object.keys(trees[i - 1] ?? {})) rmSync(join(repo, path), { force: true });
    writeTree(repo, tree);
    git('add', '-Af', '.');
    git('commit', '-qm', `commit ${i}`, '--allow-empty');
  });
  return repo;
}
