// Check runs a previous process left in progress (it crashed, was killed or redeployed before it
// concluded them) would stay "in progress" forever, blocking the merge without saying why. On
// the first webhook of each repository after this process started, its open pull requests'
// runs of this app that started before the process are concluded (github/check-run.ts).
// Only without REDIS_URL: with the queue, a review whose process died is a stalled job that
// another replica (or this one, restarted) takes over and concludes on the same check run.
import type { Logger } from 'probot';
import { appIdOf, concludeAbandonedRuns } from '../github/check-run.js';
import type { GitHubClient, RepoRef } from '../github/types.js';

/** Repositories remembered as searched; past this many, the oldest may be searched again. */
const MAX_REPOS = 10_000;

export class AbandonedRuns {
  readonly #searched = new Set<string>();

  /** `startedBefore`: a run older than this cannot be one of this process's (default: its start). */
  constructor(readonly startedBefore: Date = new Date()) {}

  /** Searches the repository once per process; never fails the event that triggered it. */
  async onFirstEvent(client: GitHubClient, repo: RepoRef, log: Logger): Promise<void> {
    const key = `${repo.owner}/${repo.repo}`.toLowerCase();
    if (this.#searched.has(key)) return;
    this.#searched.add(key);
    if (this.#searched.size > MAX_REPOS) this.#searched.delete(this.#searched.values().next().value!);
    try {
      const appId = await appIdOf(client);
      if (appId === null) return;
      const concluded = await concludeAbandonedRuns(client, repo, appId, this.startedBefore);
      if (concluded) log.info({ repository: key, concluded }, 'concluded check runs a previous process left in progress');
    } catch (e) {
      // searched again on a later event
      this.#searched.delete(key);
      log.warn({ repository: key, error: (e as Error).message }, 'could not look for abandoned check runs');
    }
  }
}
