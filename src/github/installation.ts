// The App's client for one delivery: every request carries the delivery id (as Probot's
// context.octokit does, for GitHub Support) and every answer is counted by the caller.
import type { Octokit } from './octokit.js';
import { gitHubClient, type GitHubClient } from './types.js';

export function deliveryClient(octokit: Octokit, deliveryId: string, count: (method: string, status: number) => void): GitHubClient {
  octokit.hook.before('request', (options) => {
    options.headers['x-github-delivery'] = deliveryId;
  });
  octokit.hook.after('request', (response, options) => count(options.method, response.status));
  octokit.hook.error('request', (error, options) => {
    count(options.method, (error as { status?: number }).status ?? 0);
    throw error;
  });
  return gitHubClient(octokit);
}
