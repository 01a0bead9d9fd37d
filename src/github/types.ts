import type { ProbotOctokit } from 'probot';

export type Octokit = ProbotOctokit;

export interface RepoRef {
  owner: string;
  repo: string;
}
