// `npm start`: the app on Probot's own server, configured by Probot's standard environment
// (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, WEBHOOK_PATH, PORT, HOST,
// LOG_LEVEL, GHE_HOST, GHE_PROTOCOL). Without credentials Probot starts its setup flow.
// Probot v14 handles no SIGTERM: on SIGTERM we stop accepting webhooks, let runs in flight
// finish, and conclude the check runs of those that do not finish in time.
import { run } from 'probot';
import { createApp } from './app/app.js';
import { createLogger } from './app/logger.js';
import { RunRegistry } from './app/runs.js';

const DRAIN_MS = Number(process.env['SHUTDOWN_GRACE_MS'] ?? 25_000);

// LOG_LEVEL as for Probot; request and webhook bodies are never logged (src/app/logger.ts)
const log = createLogger();
const registry = new RunRegistry();
const server = await run(createApp(registry), { log });

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  log.info({ inflight: registry.inflight }, 'SIGTERM: draining');
  void (async () => {
    await server.stop().catch(() => undefined);
    await registry.drain(DRAIN_MS);
    log.info('stopped');
    process.exit(0);
  })();
});
