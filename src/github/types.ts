import type { Octokit as RestOctokit } from '@octokit/rest';

/** What sg-review uses of a client: Probot's (the App) and @octokit/rest's (the CLI) both fit. */
export type Octokit = Pick<RestOctokit, 'rest' | 'paginate' | 'graphql' | 'hook' | 'request' | 'auth'>;

export interface RepoRef {
  owner: string;
  repo: string;
}
