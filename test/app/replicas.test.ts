// Several replicas sharing one real Redis (REDIS_URL mode): one review per head, no duplicate
// comment, and no check run left in progress when a replica dies mid-review.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { metrics } from '../../src/app/metrics.js';
import { closeReviewWorkers, startReviewWorker } from '../../src/app/queue.js';
import { installationClient } from '../../src/app/app.js';
import { RedisRunRegistry } from '../../src/app/redis-runs.js';
import { Redis } from 'ioredis';
import pino from 'pino';
import { payload, privateKey, pullRequestPayload } from '../helpers/app.js';
import { freePort, startRedis, type TestRedis } from '../helpers/redis.js';
import { FAST, replica, serveGitHub, until, workerProcess, type GitHubServer, type Replica } from '../helpers/replicas.js';
import { HEAD, TIP, exampleCommits, examplePull } from './fixtures.js';

let redis: TestRedis;
let github: GitHubServer;
const replicas: Replica[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
afterEach(async () => {
  github?.release();
  await closeReviewWorkers();
  await Promise.all(replicas.splice(0).map((r) => r.close()));
  await github?.close();
  const flush = new Redis(redis.url);
  await flush.flushall();
  flush.disconnect();
});

const comment = (body: string) =>
  payload('issue_comment', 'created', (p) => {
    p['issue'] = { ...p['issue'], number: 1, pull_request: { url: 'https://api.github.com/repos/acme/infra/pulls/1' } };
    p['comment'] = { ...p['comment'], id: 555, body };
  });

const inProgress = () => [...github.github.checkRuns.values()].filter((r) => r['status'] !== 'completed');

describe('replicas sharing one Redis', () => {
  it('the same delivery to two replicas and a synchronize racing /sg-review: one check run, one review, no duplicate comment', async () => {
    github = await serveGitHub({ commits: exampleCommits(), pulls: [examplePull], permissions: { alice: 'write' } });
    const a = await replica(redis.url, github.baseUrl);
    const b = await replica(redis.url, github.baseUrl);
    replicas.push(a, b);
    const sync = pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP });
    await Promise.all([
      a.send('pull_request', sync, 'delivery-1'),
      b.send('pull_request', sync, 'delivery-1'),
      b.send('issue_comment', comment('/sg-review'), 'delivery-2'),
    ]);
    await until(
      async () => github.github.checkRuns.size > 0 && !inProgress().length && Object.values(await a.queue.depth()).every((n) => n === 0),
      60_000,
      'the review',
    );
    // what a second review would have created or posted had it run
    await new Promise((r) => setTimeout(r, 1_500));
    expect([...github.github.checkRuns.values()]).toEqual([expect.objectContaining({ head_sha: HEAD, status: 'completed', conclusion: 'failure' })]);
    expect(github.github.reviews).toHaveLength(1);
    const fingerprints = github.github.reviewComments.map((c) => /fingerprint=([0-9a-f]+)/.exec(c.body)?.[1]);
    expect(fingerprints.length).toBeGreaterThan(0);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(github.github.reactions).toEqual([{ comment: 555, content: 'eyes' }]);
  }, 120_000);

  it('a review failing with a GitHub 503 is retried on the same check run, then posted once', async () => {
    let reads = 0;
    github = await serveGitHub({
      commits: exampleCommits(),
      pulls: [examplePull],
      fail: (req) => (req.path === '/graphql' && reads++ === 0 ? { status: 503, body: { message: 'Service Unavailable' } } : null),
    });
    const a = await replica(redis.url, github.baseUrl);
    replicas.push(a);
    await a.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP }), 'delivery-4');
    await until(() => github.github.reviews.length > 0 && !inProgress().length, 60_000, 'the retried review');
    expect(reads).toBe(2);
    expect([...github.github.checkRuns.values()]).toEqual([expect.objectContaining({ head_sha: HEAD, status: 'completed', conclusion: 'failure' })]);
    expect(github.github.reviews).toHaveLength(1);
    expect(await metrics.metrics()).toMatch(/sg_review_github_requests_total\{method="POST",status="503"\} 1/);
  }, 120_000);

  it('a worker replica killed mid-review: another replica takes the job over and concludes the same check run', async () => {
    github = await serveGitHub({ commits: exampleCommits(), pulls: [examplePull] });
    // the webhook replica runs no workers; the only worker is a child process
    const web = await replica(redis.url, github.baseUrl, false);
    replicas.push(web);
    const child = workerProcess(redis.url, github.host, FAST);
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await until(() => /worker started/.test(output), 60_000, `the worker process to start:\n${output}`);
      // the worker reads the trees forever: it is mid-review when killed
      github.hold((method, path) => method === 'POST' && path === '/graphql');
      await web.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP }), 'delivery-3');
      await until(() => github.held() > 0, 60_000, `the worker to start the review:\n${output}`);
      expect(inProgress()).toHaveLength(1);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    github.release();
    // a surviving replica's worker
    const survivor = new Redis(redis.url, { maxRetriesPerRequest: null });
    startReviewWorker({
      redis: survivor,
      settings: FAST,
      registry: new RedisRunRegistry(survivor),
      log: pino({ level: 'silent' }),
      auth: (id, delivery) => installationClient(web.probot, id, delivery),
    });
    try {
      await until(() => github.github.checkRuns.size > 0 && !inProgress().length, 60_000, 'the survivor to conclude the check run');
      expect([...github.github.checkRuns.values()]).toEqual([expect.objectContaining({ head_sha: HEAD, status: 'completed', conclusion: 'failure' })]);
      expect(github.github.reviews).toHaveLength(1);
    } finally {
      await closeReviewWorkers();
      survivor.disconnect();
    }
  }, 180_000);

  it('npm start with REDIS_URL starts (ioredis is installed, nothing downloaded) and answers /healthz, /readyz and /metrics', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: join(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        APP_ID: '1',
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: 'x',
        REDIS_URL: redis.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
      },
    });
    let output = '';
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise((r) => server.once('exit', r));
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`).then(async (r) => ({ status: r.status, text: await r.text() }));
    try {
      await until(
        () =>
          get('/healthz').then(
            (r) => r.status === 200,
            () => server.exitCode !== null,
          ),
        60_000,
        `the server to start:\n${output}`,
      );
      expect(server.exitCode, output).toBeNull();
      expect(await get('/readyz')).toEqual({ status: 200, text: 'ready\n' });
      expect((await get('/metrics')).text).toMatch(/^# HELP sg_review_reviews_total/m);
    } finally {
      server.kill('SIGKILL');
      await exited;
    }
  }, 120_000);
});
