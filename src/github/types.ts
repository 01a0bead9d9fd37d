import { OCTOKIT, type Octokit } from './octokit.js';

/** A GitHub client outside github/: opaque, it can only be handed to github/'s functions. */
export interface GitHubClient {
  readonly [OCTOKIT]: Octokit;
}

/** The handle of an Octokit (Probot's, or @octokit/rest's). */
export function gitHubClient(octokit: Octokit): GitHubClient {
  return { [OCTOKIT]: octokit };
}

export interface RepoRef {
  owner: string;
  repo: string;
}
