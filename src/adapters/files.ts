// Reads a directory tree of Terraform files from disk.
import { readFileSync, type Dirent } from 'node:fs';
import { lstat, readdir, readFile, readlink, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { SourceFile } from '../engine/hcl/parse.js';
import { isTerraformFile } from '../engine/load.js';
import { decodeText } from '../engine/hcl/text.js';
import { MAX_LINK_HOPS, followLink, type TreeEntryKind } from '../engine/hcl/links.js';
import { dataFile } from '../engine/evaluate/data-files.js';
import { dirOf } from '../engine/hcl/config-files.js';
import { localModuleDir } from '../engine/evaluate/module.js';
import { moduleCallsIn } from '../engine/modules/calls.js';

const SKIP = new Set(['.git', '.terraform', 'node_modules']);

/** A Terraform file, or a link that may lead to one (the kind as `readdir` gave it). */
const isTerraformEntry = (e: Dirent) => (e.isFile() || e.isSymbolicLink()) && isTerraformFile(e.name);

/** Every Terraform file below `root`, with paths relative to it (forward slashes). */
export async function readTerraformTree(root: string, maxLinkHops = MAX_LINK_HOPS): Promise<SourceFile[]> {
  const read = fileReader(root, maxLinkHops);
  const out: SourceFile[] = [];
  // the other links: some may lead to a directory
  const links: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) await walk(full);
      } else if (isTerraformEntry(e)) {
        out.push(await read(relative(root, full).split(sep).join('/'), e));
      } else if (e.isSymbolicLink()) links.push(relative(root, full).split(sep).join('/'));
    }
  };
  await walk(root);
  return [...out, ...(await throughDirectoryLinks(root, links, out, maxLinkHops))];
}

/**
 * The files read through links to directories inside the tree (`live/sg -> ../modules/sg_v1`,
 * a module linked into place), as the git reader reads them (adapters/git.ts): the files below
 * the target are also the link's, so retargeting the link changes them. A called link that
 * cannot be followed (absolute, outside, a cycle, nothing) says so where its files would be.
 */
async function throughDirectoryLinks(root: string, links: string[], files: SourceFile[], maxLinkHops: number): Promise<SourceFile[]> {
  if (!links.length) return [];
  const entryAt = async (p: string): Promise<TreeEntryKind> => {
    const at = await lstat(join(root, p)).catch(() => null);
    if (at?.isSymbolicLink()) return { kind: 'link', target: await readlink(join(root, p)) };
    return at ? { kind: 'file' } : undefined;
  };
  const calledDirs = new Set(files.flatMap((f) => moduleCallsIn(f.path, f.content).map((c) => localModuleDir(dirOf(f.path), c.source))));
  const inside = await realpath(root);
  const out: SourceFile[] = [];
  for (const link of links) {
    const end = await followLink(link, await readlink(join(root, link)), entryAt, maxLinkHops);
    // a directory link on the way may leave the tree although the text stays inside: the real path decides
    const real = 'path' in end ? await realpath(join(root, end.path)).catch(() => null) : null;
    const rel = real === null ? null : relative(inside, real);
    const outside = rel !== null && (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
    const unreadable = 'unreadable' in end ? end.unreadable : outside ? 'a symbolic link to a path outside the repository, not followed' : null;
    if (unreadable !== null) {
      if (calledDirs.has(link)) out.push({ path: `${link}/*.tf`, content: '', unreadable: unreadable.replace('a file', 'a directory'), dirLink: link });
      continue;
    }
    if (!('path' in end) || !(await lstat(join(root, end.path))).isDirectory()) continue;
    for (const f of files)
      if (f.path.startsWith(`${end.path}/`)) out.push({ ...f, path: `${link}${f.path.slice(end.path.length)}`, linkTo: f.linkTo ?? f.path, dirLink: link });
  }
  return out;
}

/** Reads files below `root` (paths relative to it, forward slashes); a link is read as its
 * target when that lies inside `root`, whose real path is worked out once, at the first link. */
function fileReader(root: string, maxLinkHops: number) {
  let top: Promise<string> | undefined;
  const entryAt = async (p: string): Promise<TreeEntryKind> => {
    const at = await lstat(join(root, p)).catch(() => null);
    if (at?.isSymbolicLink()) return { kind: 'link', target: await readlink(join(root, p)) };
    return at?.isFile() ? { kind: 'file' } : undefined;
  };
  return async (path: string, entry: Dirent): Promise<SourceFile> => {
    if (!entry.isSymbolicLink()) return { path, ...decodeText(await readFile(join(root, path))) };
    const end = await followLink(path, await readlink(join(root, path)), entryAt, maxLinkHops);
    if ('unreadable' in end) return { path, content: '', unreadable: end.unreadable };
    // a directory link on the way (`shared -> /etc`, then `x.tf -> shared/passwd`) stays
    // inside by its text but not on disk: the real path decides
    const [inside, real] = await Promise.all([(top ??= realpath(root)), realpath(join(root, end.path))]);
    const rel = relative(inside, real);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
      return { path, content: '', unreadable: 'a symbolic link to a path outside the repository, not followed' };
    return { path, linkTo: end.path, ...decodeText(await readFile(real)) };
  };
}

/** The Terraform files directly in `dir` (relative to `root`), or none when it is missing. A
 * directory of the tree whose real path leaves it (a module directory linked to `/etc`) is not
 * read: it says so where its files would be, as the git reader does. */
export async function readTerraformDir(root: string, dir: string, maxLinkHops = MAX_LINK_HOPS): Promise<SourceFile[]> {
  const leaves = (from: string, to: string) => {
    const rel = relative(from, to);
    return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  };
  // `../modules/sg`, a module outside the directory given, is read where it is
  if (!leaves(root, join(root, dir))) {
    const [inside, real] = await Promise.all([realpath(root), realpath(join(root, dir)).catch(() => null)]);
    if (real !== null && leaves(inside, real))
      return [{ path: `${dir}/*.tf`, content: '', unreadable: 'a symbolic link to a path outside the repository, not followed', dirLink: dir }];
  }
  const read = fileReader(root, maxLinkHops);
  const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
  const terraform = entries.filter(isTerraformEntry).sort((a, b) => (a.name < b.name ? -1 : 1));
  return Promise.all(terraform.map((e) => read(dir ? `${dir}/${e.name}` : e.name, e)));
}

/** The files other than Terraform's below `root` whose path `wanted` accepts (what `file()` reads, init cache manifests), bounded as dataFile says. */
export async function readDataFilesBelow(root: string, wanted: (path: string) => boolean, maxBytes: number): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const take = async (full: string, path: string) => {
    const at = await lstat(full).catch(() => null);
    if (at && (at.isFile() || at.isSymbolicLink()) && wanted(path))
      out.push(dataFile(path, { size: at.size, link: at.isSymbolicLink() }, maxBytes, () => readFileSync(full)));
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, e.name);
      const path = relative(root, full).split(sep).join('/');
      if (e.isDirectory()) {
        // below .terraform/, only the init cache's manifest (a committed one decides what init keeps)
        if (e.name === '.terraform') await take(join(full, 'modules', 'modules.json'), `${path}/modules/modules.json`);
        else if (!SKIP.has(e.name)) await walk(full);
      } else if ((e.isFile() || e.isSymbolicLink()) && !isTerraformFile(e.name)) await take(full, path);
    }
  };
  await walk(root);
  return out;
}
