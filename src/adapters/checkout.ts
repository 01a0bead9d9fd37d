// The head of a pull request read from a local checkout (CI, after `terraform init`) instead
// of the API; other revisions still come from the API. The checkout must be at the head SHA:
// actions/checkout checks out the PR's merge commit by default, whose lines differ from the
// head's, so review comments would land on the wrong lines.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dirOf } from '../engine/hcl/config-files.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import type { TreeReader } from '../github/trees.js';
import { readTerraformDir, readTerraformTree } from './files.js';

/** The commit a checkout is at, read from `.git` (the Action's image has no git), or null. */
export async function checkoutCommit(dir: string): Promise<string | null> {
  const read = (p: string) =>
    readFile(p, 'utf8').then(
      (s) => s.trim(),
      () => null,
    );
  let gitDir = join(dir, '.git');
  const pointer = await read(gitDir);
  if (pointer?.startsWith('gitdir:')) gitDir = join(dir, pointer.slice(7).trim());
  const head = await read(join(gitDir, 'HEAD'));
  if (!head) return null;
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = /^ref: (.+)$/.exec(head)?.[1];
  if (!ref) return null;
  const loose = await read(join(gitDir, ref));
  if (loose) return loose;
  const packed = (await read(join(gitDir, 'packed-refs'))) ?? '';
  return (
    packed
      .split('\n')
      .find((l) => l.endsWith(` ${ref}`))
      ?.split(' ')[0] ?? null
  );
}

export function localHead(remote: TreeReader, root: string, headSha: string): TreeReader {
  return {
    async read(shas, dirs, maxLinkHops) {
      const others = shas.filter((s) => s !== headSha);
      const out = others.length ? await remote.read(others, dirs, maxLinkHops) : new Map<string, SourceFile[]>();
      if (shas.includes(headSha)) out.set(headSha, (await Promise.all(dirs.map((d) => readTerraformDir(root, d, maxLinkHops)))).flat());
      return out;
    },
    async terraformDirs(sha) {
      if (sha !== headSha) return remote.terraformDirs(sha);
      const files = await readTerraformTree(root);
      return [...new Set(files.map((f) => dirOf(f.path)))].sort();
    },
    // the head's links as GitHub has them: the checkout is at the same commit
    ...(remote.links ? { links: remote.links } : {}),
    // and the files its configuration reads, as GitHub has them
    ...(remote.dataFiles ? { dataFiles: remote.dataFiles } : {}),
    // and its submodules
    ...(remote.gitlinks ? { gitlinks: remote.gitlinks } : {}),
  };
}
