// Several replicas of the app sharing one real Redis and one GitHub double served over HTTP on
// 127.0.0.1: in-process Probot instances (webhooks signed and verified as in production) and
// `npm run worker` child processes that a test can SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { text as streamText } from 'node:stream/consumers';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { Probot, ProbotOctokit } from 'probot';
import pino from 'pino';
import { createApp } from '../../src/app/app.js';
import { ReviewQueue, type QueueSettings } from '../../src/app/queue.js';
import { RedisRunRegistry } from '../../src/app/redis-runs.js';
import { Redis } from 'ioredis';
import { GitHubDouble, type DoubleOptions } from '../../demo/github-double.js';
import { SECRET, privateKey } from './app.js';

const ROOT = join(import.meta.dirname, '../..');

export interface GitHubServer {
  github: GitHubDouble;
  /** host:port, as GHE_HOST */
  host: string;
  baseUrl: string;
  /** Requests matching this wait until `release()` (a replica stuck mid-review). */
  hold: (match: (method: string, path: string) => boolean) => void;
  release: () => void;
  /** How many requests are being held. */
  held: () => number;
  close: () => Promise<void>;
}

/** The GitHub double on 127.0.0.1, under GitHub Enterprise's /api/v3 prefix as Probot's GHE_HOST uses it. */
export async function serveGitHub(options: Omit<DoubleOptions, 'owner' | 'repo'>): Promise<GitHubServer> {
  const github = new GitHubDouble({ owner: 'acme', repo: 'infra', ...options });
  let held: ((method: string, path: string) => boolean) | null = null;
  let waiting: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const text = await streamText(req);
      const path = (req.url ?? '/').replace(/^\/api\/v3/, '').replace(/^\/api\/graphql/, '/graphql');
      if (held?.(req.method ?? 'GET', path)) await new Promise<void>((r) => waiting.push(r));
      const reply = github.handle(req.method ?? 'GET', path, text ? JSON.parse(text) : undefined, req.headers);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    github,
    host,
    baseUrl: `http://${host}/api/v3`,
    hold: (match) => (held = match),
    release: () => {
      held = null;
      for (const w of waiting) w();
      waiting = [];
    },
    held: () => waiting.length,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

export const FAST: QueueSettings = { concurrency: 2, attempts: 2, backoffMs: 200, lockMs: 1_000 };

export interface Replica {
  probot: Probot;
  queue: ReviewQueue;
  send: (name: string, payload: Record<string, unknown>, id: string) => Promise<void>;
  close: () => Promise<void>;
}

/** One in-process replica: webhooks, and (unless `workers` is false) review workers. */
export async function replica(redisUrl: string, baseUrl: string, workers = true): Promise<Replica> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new ReviewQueue(redis, FAST);
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    baseUrl,
    log: pino({ level: 'silent' }),
    Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  await probot.load(createApp(new RedisRunRegistry(redis), queue, workers));
  return {
    probot,
    queue,
    send: async (name, payload, id) => {
      const text = JSON.stringify(payload);
      await probot.webhooks.verifyAndReceive({ id, name: name as never, payload: text, signature: await sign(SECRET, text) });
    },
    close: async () => {
      await queue.close();
      redis.disconnect();
    },
  };
}

/** `npm run worker` as a child process (through tsx, so no build is needed). */
export function workerProcess(redisUrl: string, host: string, settings: QueueSettings): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/worker.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      REDIS_URL: redisUrl,
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
      PORT: '0',
      LOG_LEVEL: 'info',
      REVIEW_CONCURRENCY: String(settings.concurrency),
      REVIEW_ATTEMPTS: String(settings.attempts),
      REVIEW_RETRY_MS: String(settings.backoffMs),
      REVIEW_LOCK_MS: String(settings.lockMs),
    },
  });
}

/** Resolves when `done()` holds, polling; rejects after `ms`. */
export async function until(done: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
