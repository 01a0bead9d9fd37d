// The per-PR lock of the Redis queue: one review of a pull request at a time, cluster-wide.
// The holder renews it while it lives; a dead holder's lock expires after `ttlMs`. Only the
// holder (its random token) can renew or release it, so a holder that outlived its lock never
// frees the next holder's.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { runKey } from './runs.js';
import type { ReviewTarget } from './review-target.js';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export function prLockKey(target: ReviewTarget): string {
  return `sg-review:pr-lock:${runKey(target.repo, target.pullNumber, target.headSha)}`;
}

export class PrLock {
  readonly #owner = randomUUID();
  #renewal: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly redis: Redis,
    readonly key: string,
    readonly ttlMs: number,
  ) {}

  /** Takes the lock if nobody holds it, and renews it (every quarter of its life) until released. */
  async acquire(): Promise<boolean> {
    if ((await this.redis.set(this.key, this.#owner, 'PX', this.ttlMs, 'NX')) !== 'OK') return false;
    this.#renewal = setInterval(() => void this.redis.eval(RENEW, 1, this.key, this.#owner, this.ttlMs).catch(() => undefined), this.ttlMs / 4);
    return true;
  }

  async release(): Promise<void> {
    clearInterval(this.#renewal);
    await this.redis.eval(RELEASE, 1, this.key, this.#owner).catch(() => undefined);
  }
}
