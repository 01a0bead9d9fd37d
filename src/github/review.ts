// The PR review: read every earlier review comment (all pages) for fingerprint markers, post
// one review carrying all new line comments, and resolve the threads of findings that are gone.
import { limitBody } from './limits.js';
import { octokitOf, type Octokit } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

type ReviewComment = NonNullable<NonNullable<Parameters<Octokit['rest']['pulls']['createReview']>[0]>['comments']>[number];
/** A line comment; `tail` (its fingerprint marker) is kept when the body is shortened. */
export type LineComment = ReviewComment & { tail: string };

export interface BotComment {
  id: number;
  body: string;
}

/** Every earlier review comment written by a bot (all pages). */
export async function listBotComments(client: GitHubClient, repo: RepoRef, pullNumber: number): Promise<BotComment[]> {
  const octokit = octokitOf(client);
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...repo, pull_number: pullNumber, per_page: 100 });
  return comments.flatMap((c) => (c.user?.type === 'Bot' ? [{ id: c.id, body: c.body }] : []));
}

export async function postReview(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
  commitId: string,
  body: string,
  comments: LineComment[],
): Promise<void> {
  const octokit = octokitOf(client);
  await octokit.rest.pulls.createReview({
    ...repo,
    pull_number: pullNumber,
    commit_id: commitId,
    event: 'COMMENT',
    body: limitBody(body),
    comments: comments.map(({ tail, ...c }) => ({ ...c, body: limitBody(c.body, tail) })),
  });
}

interface Thread {
  id: string;
  isResolved: boolean;
  comments: { nodes: { databaseId: number }[] };
}

interface ThreadsPage {
  repository: {
    pullRequest: { reviewThreads: { nodes: Thread[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null;
  };
}

const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $after: String) { repository(owner: $owner, name: $repo) { pullRequest(number: $number) { reviewThreads(first: 100, after: $after) { nodes { id isResolved comments(first: 1) { nodes { databaseId } } } pageInfo { hasNextPage endCursor } } } } }`;

/** Resolves the review threads started by the given comments (findings that disappeared), reading every page of threads. */
export async function resolveThreads(client: GitHubClient, repo: RepoRef, pullNumber: number, commentIds: number[]): Promise<number> {
  const octokit = octokitOf(client);
  if (!commentIds.length) return 0;
  const wanted = new Set(commentIds);
  const threads: Thread[] = [];
  let after: string | null = null;
  do {
    const page: ThreadsPage = await octokit.graphql<ThreadsPage>(THREADS_QUERY, { owner: repo.owner, repo: repo.repo, number: pullNumber, after });
    const list = page.repository.pullRequest?.reviewThreads;
    threads.push(...(list?.nodes ?? []).filter((t) => !t.isResolved && wanted.has(t.comments.nodes[0]?.databaseId ?? -1)));
    after = list?.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
  } while (after !== null);
  if (!threads.length) return 0;
  const mutation = `mutation { ${threads.map((t, i) => `t${i}: resolveReviewThread(input: { threadId: ${JSON.stringify(t.id)} }) { thread { id } }`).join(' ')} }`;
  await octokit.graphql(mutation);
  return threads.length;
}
