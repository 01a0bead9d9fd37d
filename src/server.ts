// `npm start`: the app on Probot's own server, configured by Probot's standard environment
// (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, WEBHOOK_PATH, PORT, HOST,
// LOG_LEVEL, GHE_HOST, GHE_PROTOCOL, REDIS_URL). Without credentials Probot starts its setup flow.
// With REDIS_URL, webhooks enqueue reviews on Redis and this process's workers (and those of
// `npm run worker` replicas) run them; see README "Running several replicas".
// Probot v14 handles no SIGTERM: on SIGTERM we stop accepting webhooks, let runs in flight
// finish, and conclude the check runs of those that do not finish in time.
import { run } from 'probot';
import { AbandonedRuns } from './app/abandoned-runs.js';
import { createApp } from './app/app.js';
import { createLogger } from './app/logger.js';
import { reviewsFromEnv } from './app/from-env.js';
import { closeReviewWorkers } from './app/queue.js';

const DRAIN_MS = Number(process.env['SHUTDOWN_GRACE_MS'] ?? 25_000);

// LOG_LEVEL as for Probot; request and webhook bodies are never logged (src/app/logger.ts)
const log = createLogger();
const { registry, queue } = reviewsFromEnv();
// without a queue, runs a previous process left in progress are concluded (app/abandoned-runs.ts)
const server = await run(createApp(registry, queue, (queue?.settings.concurrency ?? 1) > 0, queue ? undefined : new AbandonedRuns()), { log });

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  log.info({ inflight: registry.inflight }, 'SIGTERM: draining');
  void (async () => {
    await server.stop().catch(() => undefined);
    // workers stop taking jobs at once; an active job not finished in time is concluded by
    // drain, or picked up again by another replica
    const closing = closeReviewWorkers();
    await registry.drain(DRAIN_MS);
    await Promise.race([closing, new Promise((r) => setTimeout(r, 1_000))]);
    log.info('stopped');
    process.exit(0);
  })();
});
