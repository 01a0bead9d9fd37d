// `npm run worker`: a worker-only replica. It receives no webhooks: it runs the review jobs
// that the webhook replicas (`npm start` with REDIS_URL) enqueue on Redis. Same environment as
// `npm start` (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, GHE_HOST, LOG_LEVEL), REDIS_URL
// required; PORT serves /healthz, /readyz and /metrics. On SIGTERM it takes no new job and
// finishes the active ones within SHUTDOWN_GRACE_MS; an unfinished one is picked up by
// another replica.
import { createServer } from 'node:http';
import { createProbot } from 'probot';
import { installationClient } from './app/app.js';
import { createLogger } from './app/logger.js';
import { reviewsFromEnv } from './app/from-env.js';
import { operationsHandler } from './app/metrics.js';
import { closeReviewWorkers, startReviewWorker } from './app/queue.js';

const DRAIN_MS = Number(process.env['SHUTDOWN_GRACE_MS'] ?? 25_000);

const { registry, queue } = reviewsFromEnv();
if (!queue) {
  console.error('sg-review worker: REDIS_URL is required');
  process.exit(2);
}
// request and webhook bodies are never logged (src/app/logger.ts)
const log = createLogger();
const probot = createProbot({ overrides: { log } });
startReviewWorker({
  redis: queue.redis,
  settings: { ...queue.settings, concurrency: Math.max(1, queue.settings.concurrency) },
  registry,
  log,
  auth: (id, delivery) => installationClient(probot, id, delivery),
});
const operations = operationsHandler(async () => (await queue.redis.ping()) === 'PONG');
const http = createServer((req, res) => {
  void operations(req, res).then((handled) => handled || res.writeHead(404).end());
});
http.listen(Number(process.env['PORT'] ?? 3000), process.env['HOST'] ?? '0.0.0.0');
log.info({ concurrency: queue.settings.concurrency }, 'sg-review worker started');

process.on('SIGTERM', () => {
  http.close();
  const closing = closeReviewWorkers();
  void registry
    .drain(DRAIN_MS)
    .then(() => Promise.race([closing, new Promise((r) => setTimeout(r, 1_000))]))
    .then(() => process.exit(0));
});
