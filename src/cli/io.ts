// What a CLI command reads and writes, so tests can run commands in-process.
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** The environment (GITHUB_TOKEN, GITHUB_API_URL, LOG_LEVEL); default none. */
  env?: Record<string, string | undefined>;
  /** Base of the retry backoff for GitHub requests (tests shorten it). */
  retryBaseMs?: number;
}

export class UsageError extends Error {}
