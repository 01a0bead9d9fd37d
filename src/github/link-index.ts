// The symbolic links of a revision, read through the API for the reverse lookup of a pull
// request's scope (a directory whose link leads into a changed file is touched): one recursive
// listing of the tree (REST gives every path with its mode; it also gives the Terraform
// directories), then the targets of the links (those named as Terraform files, and the others,
// which may lead to a module's directory) in GraphQL queries (objects-query.ts: 100 to a query); a link met on
// the way under another name costs one more query.
import { LINK_MODE, type LinkIndex } from '../engine/hcl/links.js';
import { isTerraformFile } from '../engine/load.js';
import { readObjects } from './objects-query.js';
import { octokitOf } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

/** Every blob path of a revision's tree, with whether it is a link (a blob of mode 120000). */
export interface TreeListing {
  blobs: Map<string, boolean>;
  /** Every directory (tree) path. */
  trees: Set<string>;
  /** Every git submodule (gitlink: an entry of type `commit`) path. */
  gitlinks: string[];
  /** Each blob's size in bytes. */
  sizes: Map<string, number>;
  /** GitHub cut the listing (over 100,000 entries). */
  truncated: boolean;
}

/** One recursive listing of the tree at `sha`. */
export async function listTree(client: GitHubClient, repo: RepoRef, sha: string): Promise<TreeListing> {
  const { data } = await octokitOf(client).rest.git.getTree({ ...repo, tree_sha: sha, recursive: 'true' });
  const blobs = new Map(data.tree.flatMap((e) => (e.type === 'blob' && e.path ? [[e.path, Number.parseInt(e.mode ?? '0', 8) === LINK_MODE] as const] : [])));
  const sizes = new Map(data.tree.flatMap((e) => (e.type === 'blob' && e.path ? [[e.path, e.size ?? 0] as const] : [])));
  const trees = new Set(data.tree.flatMap((e) => (e.type === 'tree' && e.path ? [e.path] : [])));
  const gitlinks = data.tree.flatMap((e) => (e.type === 'commit' && e.path ? [e.path] : []));
  return { blobs, trees, gitlinks, sizes, truncated: data.truncated };
}

/** The links of the tree at `sha`, from its listing; `truncated` when GitHub cut the listing. */
export async function readLinkIndex(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  { blobs, trees, truncated }: TreeListing,
): Promise<LinkIndex & { truncated: boolean }> {
  const octokit = octokitOf(client);
  const targets = new Map<string, string>();
  const readTargets = async (paths: string[]) => {
    const requests = paths.map((p, j) => ({ alias: `l${j}`, expression: `${sha}:${p}`, selection: '... on Blob { text }' }));
    const answer = await readObjects<{ text?: string | null }>(octokit, repo, requests);
    paths.forEach((p, j) => targets.set(p, answer[`l${j}`]?.text ?? ''));
  };
  const links = [...blobs].flatMap(([path, link]) => (link ? [path] : []));
  await readTargets(links);
  return {
    terraformLinks: links.filter(isTerraformFile),
    // any other link may lead to a directory a module call reads
    directoryLinks: links.filter((p) => !isTerraformFile(p)),
    isDirectory: (path) => trees.has(path),
    truncated,
    entryAt: async (path) => {
      const link = blobs.get(path);
      if (link === undefined) return undefined;
      if (!link) return { kind: 'file' };
      if (!targets.has(path)) await readTargets([path]);
      return { kind: 'link', target: targets.get(path)! };
    },
  };
}
