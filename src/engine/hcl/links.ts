// Symbolic links to Terraform files (one globals.tf linked into every root is a common
// layout): Terraform reads the target. A link is a PR author's text, so it is followed only
// to a file inside the tree under review; anything else makes the file unreadable (a
// parse error naming it), never a read of the runner's files and never a silent skip.
import { posix } from 'node:path';
import { isTerraformFile } from '../load.js';

/** Git's file mode of a symbolic link (GraphQL's TreeEntry.mode gives it in decimal). */
export const LINK_MODE = 0o120000;

/** Links followed from one file before giving up, by default (`max_link_hops`; the kernel's own limit is 40). */
export const MAX_LINK_HOPS = 8;

/** What a path of the tree is: a file, a link with its target text, or nothing. */
export type TreeEntryKind = { kind: 'file' } | { kind: 'link'; target: string } | undefined;

/** Where a link ends: a file of the tree (path relative to its root), or why it cannot be read. */
export type LinkEnd = { path: string } | { unreadable: string };

/**
 * Follows the link at `path` (relative to the tree's root, forward slashes) through the tree
 * as `entryAt` describes it: relative targets only, `..` while it stays inside, at most
 * `maxHops` links, no cycle, and the end must exist.
 */
export async function followLink(
  path: string,
  target: string,
  entryAt: (path: string) => TreeEntryKind | Promise<TreeEntryKind>,
  maxHops = MAX_LINK_HOPS,
): Promise<LinkEnd> {
  const seen = new Set([path]);
  let [from, to] = [path, target];
  for (let hop = 0; hop < maxHops; hop++) {
    if (!to || to.startsWith('/') || /^[A-Za-z]:|\\|\0/.test(to)) return { unreadable: 'a symbolic link to an absolute path, not followed' };
    const next = posix.normalize(posix.join(posix.dirname(from), to));
    if (next === '..' || next.startsWith('../')) return { unreadable: 'a symbolic link to a path outside the repository, not followed' };
    if (seen.has(next)) return { unreadable: 'a symbolic link in a cycle of links' };
    seen.add(next);
    const entry = await entryAt(next);
    if (!entry) return { unreadable: 'a symbolic link to a file that does not exist (dangling)' };
    if (entry.kind === 'file') return { path: next };
    [from, to] = [next, entry.target];
  }
  return { unreadable: `a symbolic link through more than ${maxHops} links (max_link_hops), not followed` };
}

/** A revision's symbolic links, for the reverse lookup of a change's scope. */
export interface LinkIndex {
  /** Links named as Terraform files (what a reader follows), paths relative to the tree's root. */
  terraformLinks: string[];
  entryAt: (path: string) => TreeEntryKind | Promise<TreeEntryKind>;
  /** The other links, which may lead to a directory (a module linked into place). */
  directoryLinks?: string[];
  /** Whether a path of the tree is a directory. */
  isDirectory?: (path: string) => boolean;
}

/**
 * The Terraform links whose way passes a path in `changed`: a hop, the end, or a missing end
 * (a deleted target). Such a link's content changed although the link did not.
 */
export async function linksInto(index: LinkIndex, changed: ReadonlySet<string>, maxHops = MAX_LINK_HOPS): Promise<string[]> {
  const out: string[] = [];
  for (const link of index.terraformLinks) {
    const entry = await index.entryAt(link);
    if (entry?.kind !== 'link') continue;
    let passes = false;
    await followLink(
      link,
      entry.target,
      (p) => {
        passes ||= changed.has(p);
        return index.entryAt(p);
      },
      maxHops,
    );
    if (passes) out.push(link);
  }
  return out;
}

/**
 * The links to directories a change reaches (`live/sg -> ../modules/sg_v2`, whose directory a
 * module call reads as the target's files): a link that changed or whose way passes a changed
 * path, and one whose target directory directly holds a changed Terraform file. A link that
 * does not lead to a directory counts only when it changed or its way did (it may have led to
 * one, or be read where its files would be).
 */
export async function directoryLinksInto(index: LinkIndex, changed: ReadonlySet<string>, maxHops = MAX_LINK_HOPS): Promise<string[]> {
  const out: string[] = [];
  for (const link of index.directoryLinks ?? []) {
    const entry = await index.entryAt(link);
    if (entry?.kind !== 'link') continue;
    let passes = changed.has(link);
    const end = await followLink(
      link,
      entry.target,
      (p) => {
        passes ||= changed.has(p);
        return index.isDirectory?.(p) ? { kind: 'file' } : index.entryAt(p);
      },
      maxHops,
    );
    const holdsChange = 'path' in end && index.isDirectory?.(end.path) && [...changed].some((c) => posix.dirname(c) === end.path && isTerraformFile(c));
    if (passes || holdsChange) out.push(link);
  }
  return out;
}
