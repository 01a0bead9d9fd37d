// GraphQL queries that read git objects of a repository by expression (`<sha>:<path>`), one
// aliased `object(...)` field each, 100 to a query (fewer when GitHub cuts one): the form every
// tree and blob read through the API takes.
import type { Octokit } from './octokit.js';
import type { RepoRef } from './types.js';

export interface ObjectRequest {
  alias: string;
  expression: string;
  /** What to read of the object, e.g. `... on Blob { text }`. */
  selection: string;
}

/**
 * Objects per query. A directory listing holds every file's text, and GitHub answers a query that
 * runs over 10 seconds with a 502: the search for a changed module's callers lists up to 200
 * directories at two revisions.
 */
const OBJECTS_PER_QUERY = 100;

/** The text of the query: `repository(...)` with one aliased field per request. */
function objectsQuery(requests: ObjectRequest[]): string {
  const fields = requests.map((r) => `    ${r.alias}: object(expression: ${JSON.stringify(r.expression)}) { ${r.selection} }`).join('\n');
  return `query($owner: String!, $repo: String!) {\n  repository(owner: $owner, name: $repo) {\n${fields}\n  }\n}`;
}

/**
 * GitHub's words for a query cut at its time or resource limit: a 502 or 504, or an error in the
 * answer ("Something went wrong while executing your query. This may be the result of a timeout").
 */
function tooLarge(error: unknown): boolean {
  const e = error as { status?: number; errors?: { message?: string }[] };
  if (e.status === 502 || e.status === 504) return true;
  return (e.errors ?? []).some((x) => /timeout|timed out|something went wrong/i.test(x.message ?? ''));
}

/**
 * One query for the requests; a query GitHub cuts is asked again in two halves, down to single
 * objects: how long a query runs depends on the size of what it reads (a listing carries every
 * file's text), which is known only once read.
 */
async function readBatch<T>(octokit: Octokit, repo: RepoRef, requests: ObjectRequest[]): Promise<Record<string, T | null>> {
  try {
    return (await octokit.graphql<{ repository: Record<string, T | null> }>(objectsQuery(requests), { owner: repo.owner, repo: repo.repo })).repository;
  } catch (error) {
    if (requests.length < 2 || !tooLarge(error)) throw error;
    const half = Math.ceil(requests.length / 2);
    return { ...(await readBatch<T>(octokit, repo, requests.slice(0, half))), ...(await readBatch<T>(octokit, repo, requests.slice(half))) };
  }
}

/** The objects, by alias (null for an expression that names nothing), read one query after another. */
export async function readObjects<T>(octokit: Octokit, repo: RepoRef, requests: ObjectRequest[]): Promise<Record<string, T | null>> {
  const out: Record<string, T | null> = {};
  for (let i = 0; i < requests.length; i += OBJECTS_PER_QUERY) Object.assign(out, await readBatch<T>(octokit, repo, requests.slice(i, i + OBJECTS_PER_QUERY)));
  return out;
}
