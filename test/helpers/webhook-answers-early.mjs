// Preloaded into `npm run demo` by test/app/operations.test.ts: the webhook middleware's 9 s
// "still processing" timer (@octokit/webhooks, which Probot does not let us set) fires at
// once, as it does when a loaded machine takes longer than 9 s to review, so the webhook is
// answered 202 while the review goes on. Plain JavaScript: the review's worker threads are
// started with the same preloads, before tsx could load a .ts one.
const WEBHOOK_TIMEOUT_MS = 9_000;
const original = globalThis.setTimeout;
globalThis.setTimeout = (handler, ms, ...args) => original(handler, ms === WEBHOOK_TIMEOUT_MS ? 0 : ms, ...args);
