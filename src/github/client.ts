// The client of `sg-review pr` and the GitHub Action: @octokit/rest with retries of 5xx
// (plugin-retry: 3 retries, backoff (n+1)² × retryBaseMs), a token (GITHUB_TOKEN), and the API
// URL of GitHub Enterprise Server (GITHUB_API_URL). In a dry run every request is printed;
// reads (GET, GraphQL queries) are sent because the review needs their answers, writes are
// printed with their body and not sent.
import { retry } from '@octokit/plugin-retry';
import { Octokit as RestOctokit } from '@octokit/rest';
import { gitHubClient, type GitHubClient } from './types.js';

export interface ClientOptions {
  token: string;
  /** e.g. https://github.example.com/api/v3; default https://api.github.com */
  baseUrl?: string;
  userAgent: string;
  /** Prints each request and sends no write. */
  dryRun?: (line: string) => void;
  retryBaseMs?: number;
}

/** What a write answers in a dry run: enough for the review to go on (a check run id). */
const DRY_RUN_REPLY = { id: 0 };

function isWrite(method: string, url: string, body: unknown): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  if (url.endsWith('/graphql')) return /^\s*mutation\b/.test(String((body as { query?: string } | undefined)?.query ?? ''));
  return true;
}

export function createClient(options: ClientOptions): GitHubClient {
  const WithRetry = RestOctokit.plugin(retry);
  const octokit = new WithRetry({
    auth: options.token,
    userAgent: options.userAgent,
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
    retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const print = options.dryRun;
  if (print) {
    octokit.hook.wrap('request', async (request, endpoint) => {
      const { method, url, body } = octokit.request.endpoint.parse(endpoint);
      if (!isWrite(method, url, body)) {
        print(`${method} ${url}`);
        return request(endpoint);
      }
      print(`[dry run, not sent] ${method} ${url} ${JSON.stringify(body)}`);
      return { status: 200, url, headers: {}, data: DRY_RUN_REPLY } as Awaited<ReturnType<typeof request>>;
    });
  }
  return gitHubClient(octokit);
}
