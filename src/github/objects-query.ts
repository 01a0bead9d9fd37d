// GraphQL queries that read git objects of a repository by expression (`<sha>:<path>`), one
// aliased `object(...)` field each, 100 to a query: the form every tree and blob read through
// the API takes.
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

/** The objects, by alias (null for an expression that names nothing), read one query after another. */
export async function readObjects<T>(octokit: Octokit, repo: RepoRef, requests: ObjectRequest[]): Promise<Record<string, T | null>> {
  const out: Record<string, T | null> = {};
  for (let i = 0; i < requests.length; i += OBJECTS_PER_QUERY) {
    const query = objectsQuery(requests.slice(i, i + OBJECTS_PER_QUERY));
    Object.assign(out, (await octokit.graphql<{ repository: Record<string, T | null> }>(query, { owner: repo.owner, repo: repo.repo })).repository);
  }
  return out;
}
