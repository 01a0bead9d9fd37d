// One GraphQL query that reads git objects of a repository by expression (`<sha>:<path>`), one
// aliased `object(...)` field each: the form every tree and blob read through the API takes.
import type { Octokit } from './octokit.js';
import type { RepoRef } from './types.js';

export interface ObjectRequest {
  alias: string;
  expression: string;
  /** What to read of the object, e.g. `... on Blob { text }`. */
  selection: string;
}

/** The text of the query: `repository(...)` with one aliased field per request. */
function objectsQuery(requests: ObjectRequest[]): string {
  const fields = requests.map((r) => `    ${r.alias}: object(expression: ${JSON.stringify(r.expression)}) { ${r.selection} }`).join('\n');
  return `query($owner: String!, $repo: String!) {\n  repository(owner: $owner, name: $repo) {\n${fields}\n  }\n}`;
}

/** The objects, by alias (null for an expression that names nothing). */
export async function readObjects<T>(octokit: Octokit, repo: RepoRef, requests: ObjectRequest[]): Promise<Record<string, T | null>> {
  const data = await octokit.graphql<{ repository: Record<string, T | null> }>(objectsQuery(requests), { owner: repo.owner, repo: repo.repo });
  return data.repository;
}
