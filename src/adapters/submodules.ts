// Git submodules used as modules (`source = "./vendor/sg"`, vendor/sg a gitlink): Terraform
// reads the submodule's checkout, at the commit the superproject records, so the git reader
// reads that commit from the submodule's clone when one is here (`.git/modules/<name>`, or the
// path's own `.git` in a work tree). Every gitlink also gives a placeholder file at
// `<path>/.git` (a path no git tree can hold) whose content is the commit: a bump changes the
// calling directories, and a submodule with no clone here is reported on its calls.
import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { SourceFile } from '../engine/hcl/parse.js';
import type { Gitlink } from '../engine/modules/resolution.js';
import { gitAt, type Git } from './git-run.js';

/** Submodules inside submodules are read this deep; deeper ones are reported unread. */
export const MAX_SUBMODULE_DEPTH = 4;

/** The placeholder of the gitlink at `path`. */
export function gitlinkFile(path: string, gitlink: Gitlink): SourceFile {
  return { path: `${path}/.git`, content: `Subproject commit ${gitlink.commit}\n`, gitlink };
}

/**
 * The files of each gitlink of the tree at `ref` (paths below the gitlink's), read with
 * `readAt` from its clone at the recorded commit, and each gitlink's placeholder.
 */
export async function readSubmodules(
  git: Git,
  ref: string,
  gitlinks: { path: string; commit: string }[],
  depth: number,
  readAt: (clone: Git, commit: string) => Promise<SourceFile[]>,
): Promise<SourceFile[]> {
  if (!gitlinks.length) return [];
  const declared = await declaredSubmodules(git, ref);
  const out: SourceFile[] = [];
  for (const { path, commit } of gitlinks) {
    const decl = declared.get(path);
    const url = decl?.url ?? null;
    const at = `a git submodule at commit ${commit.slice(0, 12)}${url ? ` (${url})` : ''}`;
    let unread: string | null = `${at}, nested more than ${MAX_SUBMODULE_DEPTH} deep: not read`;
    if (depth > 0) {
      const clone = await cloneOf(git, path, decl?.name ?? path, commit);
      const files = clone && (await readAt(clone, commit).catch(() => null));
      if (files) {
        out.push(...files.map((f) => ({ ...f, path: `${path}/${f.path}`, ...(f.linkTo ? { linkTo: `${path}/${f.linkTo}` } : {}) })));
        unread = null;
      } else unread = `${at}, whose commit is in no clone here (run \`git submodule update --init\`)`;
    }
    out.push(gitlinkFile(path, { commit, url, unread }));
  }
  return out;
}

/** `.gitmodules` at `ref`: each submodule's name and url by its path. */
async function declaredSubmodules(git: Git, ref: string): Promise<Map<string, { name: string; url: string | null }>> {
  const text = await git(['config', '--blob', `${ref}:.gitmodules`, '-z', '--get-regexp', '^submodule\\..*\\.(path|url)$'])
    .then((b) => b.toString('utf8'))
    .catch(() => '');
  const byName = new Map<string, { path?: string; url?: string }>();
  for (const entry of text.split('\0').filter(Boolean)) {
    const [key, value = ''] = entry.split('\n', 2) as [string, string?];
    const m = /^submodule\.(.+)\.(path|url)$/.exec(key);
    if (!m) continue;
    const decl = byName.get(m[1]!) ?? {};
    decl[m[2] as 'path' | 'url'] = value;
    byName.set(m[1]!, decl);
  }
  return new Map([...byName].flatMap(([name, d]) => (d.path ? [[d.path.replace(/\/+$/, ''), { name, url: d.url ?? null }] as const] : [])));
}

/**
 * A clone of the submodule holding `commit`: `<git dir>/modules/<name>` (where `git submodule`
 * keeps it), else the work tree's `<path>/.git`. The name and path are the PR author's text:
 * a name that climbs out (`..`) and a path whose real location leaves the work tree are not used.
 */
async function cloneOf(git: Git, path: string, name: string, commit: string): Promise<Git | null> {
  const where = (args: string[]) =>
    git(['rev-parse', '--path-format=absolute', ...args])
      .then((b) => b.toString('utf8').trim() || null)
      .catch(() => null);
  const candidates: Git[] = [];
  const common = await where(['--git-common-dir']);
  if (common && !isAbsolute(name) && !name.split(/[/\\]/).includes('..')) candidates.push(gitAt(['--git-dir', join(common, 'modules', name)]));
  const top = await where(['--show-toplevel']);
  if (top && (await lstat(join(top, path, '.git')).catch(() => null))) {
    const [inside, real] = await Promise.all([realpath(top), realpath(join(top, path))]);
    const rel = relative(inside, real);
    if (rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) candidates.push(gitAt(['-C', real]));
  }
  for (const clone of candidates)
    if (
      await clone(['cat-file', '-e', `${commit}^{commit}`]).then(
        () => true,
        () => false,
      )
    )
      return clone;
  return null;
}
