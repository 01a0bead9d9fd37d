// Reads the Terraform files of directories at two revisions in one GraphQL query (aliased
// `object(expression: "<sha>:<dir>")` per directory and revision), through the base
// repository, so fork PRs work. Text over 512 KB comes back truncated: those blobs are
// fetched one by one.
import type { SourceFile } from '../engine/hcl/parse.js';
import { decodeText } from '../engine/hcl/text.js';
import { isTerraformFile } from '../engine/load.js';
import { octokitOf } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

/** Reads the Terraform directories of revisions: through the API, or (the head) from a checkout. */
export interface TreeReader {
  /** Files of each directory (one level) at each SHA, paths relative to the repository. */
  read(shas: string[], dirs: string[]): Promise<Map<string, SourceFile[]>>;
  /** Directories holding Terraform files at a revision. */
  terraformDirs(sha: string): Promise<string[]>;
}

export function githubTrees(client: GitHubClient, repo: RepoRef): TreeReader {
  return { read: (shas, dirs) => readDirectories(client, repo, shas, dirs), terraformDirs: (sha) => listTerraformDirs(client, repo, sha) };
}

interface TreeEntry {
  name: string;
  type: string;
  object: { text?: string | null; isTruncated?: boolean; oid?: string } | null;
}

export function treesQuery(requests: { alias: string; expression: string }[]): string {
  const fields = requests
    .map(
      (r) =>
        `    ${r.alias}: object(expression: ${JSON.stringify(r.expression)}) { ... on Tree { entries { name type object { ... on Blob { text isTruncated oid } } } } }`,
    )
    .join('\n');
  return `query($owner: String!, $repo: String!) {\n  repository(owner: $owner, name: $repo) {\n${fields}\n  }\n}`;
}

/** Files of each directory at each SHA: result[sha] = files with paths relative to the repo. */
export async function readDirectories(client: GitHubClient, repo: RepoRef, shas: string[], dirs: string[]): Promise<Map<string, SourceFile[]>> {
  const octokit = octokitOf(client);
  const requests = shas.flatMap((sha, i) => dirs.map((dir, j) => ({ alias: `r${i}_${j}`, expression: `${sha}:${dir}`, sha, dir })));
  const out = new Map<string, SourceFile[]>(shas.map((s) => [s, []]));
  if (!requests.length) return out;
  const data = await octokit.graphql<{ repository: Record<string, { entries?: TreeEntry[] } | null> }>(treesQuery(requests), {
    owner: repo.owner,
    repo: repo.repo,
  });
  for (const r of requests) {
    const tree = data.repository[r.alias];
    for (const e of tree?.entries ?? []) {
      if (e.type !== 'blob' || !isTerraformFile(e.name) || !e.object) continue;
      const path = r.dir ? `${r.dir}/${e.name}` : e.name;
      let file: SourceFile = { path, content: e.object.text ?? '' };
      if (e.object.isTruncated && e.object.oid) {
        const { data: blob } = await octokit.rest.git.getBlob({ ...repo, file_sha: e.object.oid });
        file = { path, ...decodeText(Buffer.from(blob.content, 'base64')) };
      } else if (e.object.text === null || e.object.text === undefined) {
        // GitHub gives no text for a blob it considers binary: a parse error, never an empty file
        file = { path, content: '', unreadable: 'GitHub reports binary content' };
      }
      out.get(r.sha)!.push(file);
    }
  }
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
  const query = `query($owner: String!, $repo: String!) {\n  repository(owner: $owner, name: $repo) {\n    root: object(expression: ${JSON.stringify(`${sha}:`)}) { ... on Tree { ${nestedEntries(depth)} } }\n  }\n}`;
  const data = await octokit.graphql<{ repository: { root: { entries?: ListedEntry[] } | null } }>(query, { owner: repo.owner, repo: repo.repo });
  const dirs = new Set<string>();
  const walk = (entries: ListedEntry[], dir: string) => {
    for (const e of entries) {
      if (e.type === 'blob' && isTerraformFile(e.name)) dirs.add(dir);
      if (e.type === 'tree' && e.object?.entries) walk(e.object.entries, dir ? `${dir}/${e.name}` : e.name);
    }
  };
  walk(data.repository.root?.entries ?? [], '');
  return [...dirs].sort();
}
