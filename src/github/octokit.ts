// The Octokit behind a GitHubClient handle. Only github/ imports this module
// (.dependency-cruiser.cjs): the rest of src holds handles that it can only pass to github/'s
// functions, so every GitHub call is one of theirs.
import type { Octokit as RestOctokit } from '@octokit/rest';
import type { GitHubClient } from './types.js';

/** What sg-review uses of a client: Probot's (the App) and @octokit/rest's (the CLI) both fit. */
export type Octokit = Pick<RestOctokit, 'rest' | 'paginate' | 'graphql' | 'hook' | 'request' | 'auth'>;

export const OCTOKIT: unique symbol = Symbol('octokit');

export function octokitOf(client: GitHubClient): Octokit {
  return client[OCTOKIT];
}
