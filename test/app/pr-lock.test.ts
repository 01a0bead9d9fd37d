// The per-PR lock of the Redis queue against a real redis-server: one holder at a time, a job
// that finds its PR locked waits, the lock is freed when a review fails and expires when its
// holder dies.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PrLock, prLockKey } from '../../src/app/pr-lock.js';
import { closeReviewWorkers, ReviewQueue, startReviewWorker } from '../../src/app/queue.js';
import type { ReviewTarget } from '../../src/app/review-target.js';
import { RedisRunRegistry } from '../../src/app/redis-runs.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { FAST, until } from '../helpers/replicas.js';

let redis: TestRedis;
const clients: Redis[] = [];
const client = () => {
  const c = new Redis(redis.url, { maxRetriesPerRequest: null });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
afterEach(async () => {
  await closeReviewWorkers();
  await client().flushall();
  for (const c of clients.splice(0)) c.disconnect();
});

const target: ReviewTarget = { repo: { owner: 'acme', repo: 'infra' }, defaultBranch: 'main', headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40), pullNumber: 1 };

describe('the per-PR lock', () => {
  it('one holder at a time; only the holder releases it', async () => {
    const first = new PrLock(client(), prLockKey(target), 5_000);
    const second = new PrLock(client(), prLockKey(target), 5_000);
    expect(await first.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
    await second.release(); // not the holder: changes nothing
    expect(await second.acquire()).toBe(false);
    await first.release();
    expect(await second.acquire()).toBe(true);
    await second.release();
    // another PR is not blocked by this one
    const other = new PrLock(client(), prLockKey({ ...target, pullNumber: 2 }), 5_000);
    expect(await first.acquire()).toBe(true);
    expect(await other.acquire()).toBe(true);
    await Promise.all([first.release(), other.release()]);
  });

  it('a live holder keeps it past its time to live; a holder killed mid-review loses it when that time is up', async () => {
    // long enough that the holder renews in time on a loaded machine
    const ttlMs = 3_000;
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { Redis } from 'ioredis';
         import { PrLock } from './src/app/pr-lock.ts';
         const lock = new PrLock(new Redis(process.env.REDIS_URL), process.env.LOCK_KEY, ${ttlMs});
         console.log((await lock.acquire()) ? 'held' : 'refused');`,
      ],
      {
        cwd: join(import.meta.dirname, '../..'),
        env: { ...process.env, REDIS_URL: redis.url, LOCK_KEY: prLockKey(target) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    holder.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    holder.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise((r) => holder.once('exit', r));
    const waiter = new PrLock(client(), prLockKey(target), ttlMs);
    try {
      await until(() => /held|refused/.test(output) || holder.exitCode !== null, 60_000, `the holder process:\n${output}`);
      expect(output.trim()).toBe('held');
      // twice its time to live: renewed all along
      for (let i = 0; i < 4; i++) {
        expect(await waiter.acquire()).toBe(false);
        await new Promise((r) => setTimeout(r, ttlMs / 2));
      }
    } finally {
      holder.kill('SIGKILL');
      await exited;
    }
    const killed = Date.now();
    await until(() => waiter.acquire(), 10_000, 'the dead holder’s lock to expire');
    expect(Date.now() - killed).toBeLessThan(ttlMs + 2_000);
    await waiter.release();
  }, 90_000);

  it('a job whose PR is locked waits, runs once the lock is free, and frees it when its review fails', async () => {
    const settings = { ...FAST, attempts: 1 };
    const queue = new ReviewQueue(client(), settings);
    const other = new PrLock(client(), prLockKey(target), settings.lockMs * 2);
    expect(await other.acquire()).toBe(true);
    const calls: string[] = [];
    const redisOfWorker = client();
    startReviewWorker({
      redis: redisOfWorker,
      settings,
      registry: new RedisRunRegistry(redisOfWorker),
      log: pino({ level: 'silent' }),
      auth: async (_installation, delivery) => {
        calls.push(delivery);
        throw new Error('GitHub is down'); // the review fails at its first step
      },
    });
    try {
      await queue.enqueue({ installationId: 1, deliveryId: 'd1', target });
      await until(async () => (await queue.queue.getJobCounts('delayed'))['delayed'] === 1, 30_000, 'the job to wait for the lock');
      await new Promise((r) => setTimeout(r, 2 * settings.lockMs));
      expect(calls).toEqual([]);
      await other.release();
      await until(() => calls.length === 1, 30_000, 'the job to run once the lock is free');
      await until(async () => (await queue.queue.getJobCounts('failed', 'completed', 'active', 'delayed', 'waiting')).active === 0, 30_000, 'the job to end');
      // the failed review left the PR unlocked: the next holder gets it at once
      expect(await client().exists(prLockKey(target))).toBe(0);
      expect(await other.acquire()).toBe(true);
      await other.release();
    } finally {
      await queue.close();
    }
  }, 90_000);
});
