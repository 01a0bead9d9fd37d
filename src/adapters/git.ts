// Reads the Terraform files of a git revision without checking it out.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SourceFile } from '../engine/hcl/parse.js';
import { isTerraformFile } from '../engine/load.js';
import { decodeText } from '../engine/hcl/text.js';
import { LINK_MODE, MAX_LINK_HOPS, followLink } from '../engine/hcl/links.js';
import { dirOf } from '../engine/hcl/config-files.js';
import { localModuleDir } from '../engine/evaluate/module.js';
import { moduleCallsIn } from '../engine/modules/calls.js';
import { MAX_SUBMODULE_DEPTH, readSubmodules } from './submodules.js';
import { gitAt, type Git } from './git-run.js';
import { dataFile } from '../engine/evaluate/data-files.js';

const run = promisify(execFile);

async function verifyCommit(repo: string, ref: string): Promise<void> {
  await run('git', ['-C', repo, 'rev-parse', '--verify', `${ref}^{commit}`]).catch(() => {
    throw new Error(`${ref}: not a commit in ${repo}`);
  });
}

/** The best common ancestor of two refs (what a pull request's "Files changed" compares against). */
export async function gitMergeBase(repo: string, a: string, b: string): Promise<string> {
  for (const ref of [a, b]) await verifyCommit(repo, ref);
  const { stdout } = await run('git', ['-C', repo, 'merge-base', a, b]).catch(() => {
    throw new Error(`${a} and ${b} have no merge base in ${repo}`);
  });
  return stdout.trim();
}

/** The entries of a revision's tree, blobs and gitlinks (mode 160000, type `commit`): mode, type, id, size (blobs). */
async function listEntries(git: Git, ref: string) {
  const listing = (await git(['ls-tree', '-r', '-l', '-z', ref])).toString('utf8');
  return listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      // "<mode> <type> <sha> <size>\t<path>": the path may itself hold tabs
      const tab = line.indexOf('\t');
      const [meta, path] = [line.slice(0, tab), line.slice(tab + 1)];
      const [mode, type, sha, size] = meta.split(/ +/) as [string, string, string, string];
      return { mode, type, sha, size: Number(size), path };
    });
}

/** The blobs of a revision's tree by path: id, size, and whether it is a symbolic link. */
function blobsOf(entries: Awaited<ReturnType<typeof listEntries>>): Map<string, { sha: string; size: number; link: boolean }> {
  return new Map(entries.filter((e) => e.type === 'blob').map((e) => [e.path, { sha: e.sha, size: e.size, link: Number.parseInt(e.mode, 8) === LINK_MODE }]));
}

/** The contents of blobs, in order: one `cat-file --batch` process, "<sha> blob <size>\n<bytes>\n" each. */
async function catBlobs(git: Git, shas: string[]): Promise<Buffer[]> {
  if (!shas.length) return [];
  const out = await git(['cat-file', '--batch'], shas.join('\n') + '\n');
  const contents: Buffer[] = [];
  let pos = 0;
  for (let i = 0; i < shas.length; i++) {
    const headerEnd = out.indexOf(0x0a, pos);
    const size = Number(out.subarray(pos, headerEnd).toString('latin1').split(' ')[2]);
    const start = headerEnd + 1;
    contents.push(out.subarray(start, start + size));
    pos = start + size + 1;
  }
  return contents;
}

/** The files other than Terraform's at `ref` whose path `wanted` accepts (what `file()` reads), bounded as dataFile says. */
export async function readGitDataFiles(repo: string, ref: string, wanted: (path: string) => boolean, maxBytes: number): Promise<SourceFile[]> {
  const git = gitAt(['-C', repo]);
  await verifyCommit(repo, ref);
  const chosen = [...blobsOf(await listEntries(git, ref))].filter(([path]) => !isTerraformFile(path) && wanted(path));
  const readable = chosen.filter(([, b]) => !b.link && b.size <= maxBytes);
  const texts = new Map(
    (
      await catBlobs(
        git,
        readable.map(([, b]) => b.sha),
      )
    ).map((bytes, i) => [readable[i]![0], bytes]),
  );
  return chosen.map(([path, b]) => dataFile(path, b, maxBytes, () => texts.get(path)!));
}

export async function readGitTree(repo: string, ref: string, maxLinkHops = MAX_LINK_HOPS): Promise<SourceFile[]> {
  await verifyCommit(repo, ref);
  return readTree(gitAt(['-C', repo]), ref, maxLinkHops, MAX_SUBMODULE_DEPTH);
}

async function readTree(git: Git, ref: string, maxLinkHops: number, submoduleDepth: number): Promise<SourceFile[]> {
  const entries = await listEntries(git, ref);
  const blobs = blobsOf(entries);
  // gitlinks (mode 160000): submodules, read at the commit they record where a clone of them is here
  const gitlinks = entries.filter((e) => e.type === 'commit').map((e) => ({ path: e.path, commit: e.sha }));
  const submodules = await readSubmodules(git, ref, gitlinks, submoduleDepth, (sub, commit) => readTree(sub, commit, maxLinkHops, submoduleDepth - 1));
  const wanted = [...blobs].filter(([path]) => isTerraformFile(path));
  if (!wanted.length) return submodules;
  // the Terraform files that are not links, and every link's target text (few), each blob once
  const links = [...blobs].filter(([, b]) => b.link);
  const plain = wanted.filter(([, b]) => !b.link);
  const texts = await catBlobs(
    git,
    [...plain, ...links].map(([, b]) => b.sha),
  );
  const plainText = new Map(plain.map(([path], i) => [path, texts[i]!]));
  const targetOf = new Map(links.map(([path], i) => [path, texts[plain.length + i]!.toString('utf8')]));
  const ends = await Promise.all(
    wanted.map(([path, b]) =>
      b.link
        ? followLink(
            path,
            targetOf.get(path)!,
            (p) => {
              const entry = blobs.get(p);
              return entry && (entry.link ? { kind: 'link', target: targetOf.get(p)! } : { kind: 'file' });
            },
            maxLinkHops,
          )
        : { path },
    ),
  );
  // a link's target is read as the link's content, also when it is no Terraform file itself
  const targets = [...new Set(ends.flatMap((e, i) => ('path' in e && wanted[i]![1].link ? [e.path] : [])))];
  const targetTexts = new Map(
    (
      await catBlobs(
        git,
        targets.map((t) => blobs.get(t)!.sha),
      )
    ).map((bytes, i) => [targets[i]!, bytes]),
  );
  const files: SourceFile[] = wanted.map(([path, b], i) => {
    const end = ends[i]!;
    if ('unreadable' in end) return { path, content: '', unreadable: end.unreadable };
    return b.link ? { path, linkTo: end.path, ...decodeText(targetTexts.get(end.path)!) } : { path, ...decodeText(plainText.get(path)!) };
  });
  return [...files, ...(await throughDirectoryLinks(blobs, targetOf, files, maxLinkHops)), ...submodules];
}

/**
 * The files read through links to directories inside the repository (`live/sg -> ../modules/sg_v1`,
 * a module linked into place): Terraform follows them, so the files below the target are also
 * the link's, and retargeting the link changes them.
 */
async function throughDirectoryLinks(
  blobs: ReadonlyMap<string, { link: boolean }>,
  targetOf: ReadonlyMap<string, string>,
  files: SourceFile[],
  maxLinkHops: number,
): Promise<SourceFile[]> {
  const dirs = new Set(
    [...blobs.keys()].flatMap((p) =>
      p
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const calledDirs = new Set(files.flatMap((f) => moduleCallsIn(f.path, f.content).map((c) => localModuleDir(dirOf(f.path), c.source))));
  const out: SourceFile[] = [];
  for (const [link, target] of targetOf) {
    if (isTerraformFile(link)) continue;
    const end = await followLink(
      link,
      target,
      (p) => (dirs.has(p) ? { kind: 'file' } : blobs.get(p)?.link ? { kind: 'link', target: targetOf.get(p)! } : blobs.has(p) ? { kind: 'file' } : undefined),
      maxLinkHops,
    );
    if ('unreadable' in end) {
      // a module directory linked out of the repository is not read, and says so where its files would be
      if (calledDirs.has(link)) out.push({ path: `${link}/*.tf`, content: '', unreadable: end.unreadable.replace('a file', 'a directory'), dirLink: link });
      continue;
    }
    if (!dirs.has(end.path)) continue;
    for (const f of files)
      if (f.path.startsWith(`${end.path}/`)) out.push({ ...f, path: `${link}${f.path.slice(end.path.length)}`, linkTo: f.linkTo ?? f.path, dirLink: link });
  }
  return out;
}
