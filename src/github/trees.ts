// Reads the Terraform files of directories at two revisions in GraphQL queries (aliased
// `object(expression: "<sha>:<dir>")` per directory and revision, 100 to a query), through the base
// repository, so fork PRs work. Text over 512 KB comes back truncated: those blobs are
// fetched one by one.
import type { SourceFile } from '../engine/hcl/parse.js';
import { decodeText } from '../engine/hcl/text.js';
import { isTerraformFile } from '../engine/load.js';
import { dirOf } from '../engine/hcl/config-files.js';
import { LINK_MODE, MAX_LINK_HOPS, followLink, type LinkIndex } from '../engine/hcl/links.js';
import { listTree, readLinkIndex, type TreeListing } from './link-index.js';
import { readObjects } from './objects-query.js';
import { dataFile } from '../engine/evaluate/data-files.js';
import { octokitOf } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

/** Reads the Terraform directories of revisions: through the API, or (the head) from a checkout. */
export interface TreeReader {
  /** Files of each directory (one level) at each SHA, paths relative to the repository; links
   * followed at most `maxLinkHops` deep (MAX_LINK_HOPS when not given). */
  read(shas: string[], dirs: string[], maxLinkHops?: number): Promise<Map<string, SourceFile[]>>;
  /** Directories holding Terraform files at a revision. */
  terraformDirs(sha: string): Promise<string[]>;
  /** The symbolic links of a revision, to find the directories a changed link target touches.
   * A reader of resolved files (the CLI's trees) has none: there a link's content is its
   * target's, so a changed target already changes the link. */
  links?(sha: string): Promise<LinkIndex & { truncated: boolean }>;
  /** The files other than Terraform's at a revision whose path `wanted` accepts (what `file()`
   * reads), each read only within `maxBytes` (see adapters/data-file.ts); `truncated` when the
   * listing they were chosen from was cut. */
  dataFiles?(sha: string, wanted: (path: string) => boolean, maxBytes: number): Promise<{ files: SourceFile[]; truncated: boolean }>;
  /** The paths of a revision's git submodules (app/submodules.ts reads them). */
  gitlinks?(sha: string): Promise<string[]>;
}

/** A review's reader: each revision's tree is listed once, and the recursive listing the link
 * index reads gives the Terraform directories too (the search for a module's callers reuses it). */
export function githubTrees(client: GitHubClient, repo: RepoRef): TreeReader {
  const listings = new Map<string, Promise<TreeListing>>();
  const dirLists = new Map<string, Promise<string[]>>();
  const listed = async (sha: string) => {
    const listing = await listings.get(sha);
    return listing && !listing.truncated ? terraformDirsOf(listing) : listTerraformDirs(client, repo, sha);
  };
  const listing = (sha: string) => listings.get(sha) ?? listings.set(sha, listTree(client, repo, sha)).get(sha)!;
  return {
    read: (shas, dirs, maxLinkHops) => readDirectories(client, repo, shas, dirs, maxLinkHops),
    terraformDirs: (sha) => dirLists.get(sha) ?? dirLists.set(sha, listed(sha)).get(sha)!,
    links: async (sha) => readLinkIndex(client, repo, sha, await listing(sha)),
    dataFiles: async (sha, wanted, maxBytes) => readDataFiles(client, repo, sha, await listing(sha), wanted, maxBytes),
    gitlinks: async (sha) => (await listing(sha)).gitlinks,
  };
}

/** The chosen files of a listing other than Terraform's, read in GraphQL queries of 100 (larger ones one by one). */
async function readDataFiles(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  listing: TreeListing,
  wanted: (path: string) => boolean,
  maxBytes: number,
): Promise<{ files: SourceFile[]; truncated: boolean }> {
  const octokit = octokitOf(client);
  const chosen = [...listing.blobs].filter(([path]) => !isTerraformFile(path) && wanted(path));
  const entry = (path: string, link: boolean) => ({ size: listing.sizes.get(path) ?? 0, link });
  const readable = chosen.filter(([path, link]) => !link && entry(path, link).size <= maxBytes).map(([path]) => path);
  const requests = readable.map((p, j) => ({ alias: `d${j}`, expression: `${sha}:${p}`, selection: '... on Blob { text isTruncated oid }' }));
  const answer = await readObjects<NonNullable<TreeEntry['object']>>(octokit, repo, requests);
  const texts = new Map(await Promise.all(readable.map(async (p, j) => [p, await blobFile(octokit, repo, p, answer[`d${j}`] ?? { text: null })] as const)));
  const files = chosen.map(([path, link]) => {
    const read = texts.get(path);
    return read ?? dataFile(path, entry(path, link), maxBytes, () => '');
  });
  return { files, truncated: listing.truncated };
}

/** The directories holding Terraform files in a listing. */
function terraformDirsOf(listing: TreeListing): string[] {
  return [...new Set([...listing.blobs.keys()].filter(isTerraformFile).map(dirOf))].sort();
}

interface TreeEntry {
  name: string;
  type: string;
  /** Git's file mode in decimal (GraphQL `TreeEntry.mode: Int!`): 40960 (0o120000) is a symbolic link. */
  mode?: number;
  object: { text?: string | null; isTruncated?: boolean; oid?: string } | null;
}

/** What a directory listing reads of each entry: a blob's text (links: their target) with its size cut and id.
 * A directory asked for that is a blob answers its id only: it may be a link to a directory. */
const LISTING = '... on Tree { entries { name type mode object { ... on Blob { text isTruncated oid } } } } ... on Blob { oid }';

/** A Terraform file, or a link that may lead to one, in a tree listing. */
const isTerraformBlob = (e: { type: string; name: string }) => e.type === 'blob' && isTerraformFile(e.name);

type Octokit = ReturnType<typeof octokitOf>;
const listingKey = (sha: string, dir: string) => `${sha}:${dir}`;

/** A directory's entries; 'blob' for a path that is a file or a link; null for nothing. */
type Listed = TreeEntry[] | 'blob' | null;

/** The entries of each (sha, dir), 100 to a query. */
async function listDirectories(octokit: Octokit, repo: RepoRef, wanted: { sha: string; dir: string }[]): Promise<Map<string, Listed>> {
  const requests = wanted.map((w, i) => ({ ...w, alias: `r${i}`, expression: `${w.sha}:${w.dir}`, selection: LISTING }));
  const out = new Map<string, Listed>();
  if (!requests.length) return out;
  const data = await readObjects<{ entries?: TreeEntry[]; oid?: string }>(octokit, repo, requests);
  for (const r of requests) {
    const answer = data[r.alias];
    out.set(listingKey(r.sha, r.dir), answer?.entries ?? (answer?.oid ? 'blob' : null));
  }
  return out;
}

/** A blob's text as a source file (blobs over 512 KB fetched one by one). */
async function blobFile(octokit: Octokit, repo: RepoRef, path: string, object: NonNullable<TreeEntry['object']>): Promise<SourceFile> {
  if (object.isTruncated && object.oid) {
    const { data: blob } = await octokit.rest.git.getBlob({ ...repo, file_sha: object.oid });
    return { path, ...decodeText(Buffer.from(blob.content, 'base64')) };
  }
  // GitHub gives no text for a blob it considers binary: a parse error, never an empty file
  if (object.text === null || object.text === undefined)
    return { path, content: '', unreadable: 'GitHub reports binary content', ...(object.oid ? { blob: object.oid } : {}) };
  return { path, content: object.text };
}

/**
 * Directory listings read in batches: the links of one pass that need a directory not yet
 * read wait for one query together (a target in `../globals.tf` costs one more query per
 * revision, not one per link).
 */
function listingLoader(octokit: Octokit, repo: RepoRef, known: Map<string, Listed>) {
  let batch: Map<string, { sha: string; dir: string }> | null = null;
  let flushed: Promise<void> = Promise.resolve();
  return async (sha: string, dir: string): Promise<Listed> => {
    const key = listingKey(sha, dir);
    if (known.has(key)) return known.get(key)!;
    if (!batch) {
      const pending = (batch = new Map());
      flushed = Promise.resolve().then(async () => {
        batch = null;
        for (const [k, entries] of await listDirectories(octokit, repo, [...pending.values()])) known.set(k, entries);
      });
    }
    batch.set(key, { sha, dir });
    await flushed;
    return known.get(key) ?? null;
  };
}

/** Files of each directory at each SHA: result[sha] = files with paths relative to the repo. */
export async function readDirectories(
  client: GitHubClient,
  repo: RepoRef,
  shas: string[],
  dirs: string[],
  maxLinkHops = MAX_LINK_HOPS,
): Promise<Map<string, SourceFile[]>> {
  const octokit = octokitOf(client);
  const out = new Map<string, SourceFile[]>(shas.map((s) => [s, []]));
  const wanted = shas.flatMap((sha) => dirs.map((dir) => ({ sha, dir })));
  const known = await listDirectories(octokit, repo, wanted);
  const listing = listingLoader(octokit, repo, known);
  // a link's target is read from the same revision's tree, only inside the repository
  const entryOf = async (sha: string, path: string) => {
    const entries = await listing(sha, dirOf(path));
    const name = path.slice(path.lastIndexOf('/') + 1);
    return Array.isArray(entries) ? entries.find((x) => x.name === name) : undefined;
  };
  const blobAt = async (sha: string, path: string) => {
    const e = await entryOf(sha, path);
    return e?.type === 'blob' && e.object ? { mode: e.mode, object: e.object } : undefined;
  };
  // a directory ends the way of a link to one; a file, that of a link to a file
  const entryAt = (sha: string, toDirectory: boolean) => async (path: string) => {
    if (toDirectory && (await entryOf(sha, path))?.type === 'tree') return { kind: 'file' as const };
    const e = await blobAt(sha, path);
    if (!e) return undefined;
    return e.mode === LINK_MODE ? { kind: 'link' as const, target: e.object.text ?? '' } : { kind: 'file' as const };
  };
  const filesOf = async (sha: string, dir: string, entries: TreeEntry[]): Promise<SourceFile[]> =>
    Promise.all(
      entries
        .filter((e) => isTerraformBlob(e) && e.object)
        .map(async (e) => {
          const path = dir ? `${dir}/${e.name}` : e.name;
          if (e.mode !== LINK_MODE) return blobFile(octokit, repo, path, e.object!);
          const end = await followLink(path, e.object!.text ?? '', entryAt(sha, false), maxLinkHops);
          if ('unreadable' in end) return { path, content: '', unreadable: end.unreadable };
          // followLink ends at a file it met through entryAt: that blob
          const target = (await blobAt(sha, end.path))!;
          return { ...(await blobFile(octokit, repo, end.path, target.object)), path, linkTo: end.path };
        }),
    );
  // A directory asked for that is a link to a directory inside the repository (a module linked
  // into place, `live/sg -> ../modules/sg_v2`): Terraform reads the target's files as the
  // link's, as the CLI's git reader does (adapters/git.ts). A link out of the repository, in a
  // cycle or to nothing is not followed and says so where its files would be; a link to a file, nothing.
  const linkedDirectory = async (sha: string, link: string): Promise<SourceFile[]> => {
    const e = await blobAt(sha, link);
    if (e?.mode !== LINK_MODE) return [];
    const end = await followLink(link, e.object.text ?? '', entryAt(sha, true), maxLinkHops);
    if ('unreadable' in end) return [{ path: `${link}/*.tf`, content: '', unreadable: end.unreadable.replace('a file', 'a directory'), dirLink: link }];
    const entries = await listing(sha, end.path);
    if (!Array.isArray(entries)) return [];
    const files = await filesOf(sha, end.path, entries);
    return files.map((f) => ({ ...f, path: `${link}${f.path.slice(end.path.length)}`, linkTo: f.linkTo ?? f.path, dirLink: link }));
  };
  const read = async ({ sha, dir }: { sha: string; dir: string }): Promise<SourceFile[]> => {
    const listed = known.get(listingKey(sha, dir));
    return listed === 'blob' ? linkedDirectory(sha, dir) : filesOf(sha, dir, listed ?? []);
  };
  const files = await Promise.all(wanted.map(read));
  wanted.forEach((w, i) => out.get(w.sha)!.push(...files[i]!));
  return out;
}

interface ListedEntry {
  name: string;
  type: string;
  object?: { entries?: ListedEntry[] } | null;
}

/** The nested selection for a tree listing `depth` levels deep (GraphQL has no recursion). */
function nestedEntries(depth: number): string {
  return depth <= 1 ? 'entries { name type }' : `entries { name type object { ... on Tree { ${nestedEntries(depth - 1)} } } }`;
}

/** Directories holding Terraform files at a revision, up to `depth` levels below the root. */
export async function listTerraformDirs(client: GitHubClient, repo: RepoRef, sha: string, depth = 6): Promise<string[]> {
  const octokit = octokitOf(client);
  const data = await readObjects<{ entries?: ListedEntry[] }>(octokit, repo, [
    { alias: 'root', expression: `${sha}:`, selection: `... on Tree { ${nestedEntries(depth)} }` },
  ]);
  const dirs = new Set<string>();
  const walk = (entries: ListedEntry[], dir: string) => {
    for (const e of entries) {
      if (isTerraformBlob(e)) dirs.add(dir);
      if (e.type === 'tree' && e.object?.entries) walk(e.object.entries, dir ? `${dir}/${e.name}` : e.name);
    }
  };
  walk(data['root']?.entries ?? [], '');
  return [...dirs].sort();
}
