// The engine's whole review (parse → evaluate → model → diff → findings) on a worker thread, so
// that a crafted configuration holds this thread, never the server's event loop. Kept by
// review-worker.ts between reviews: takes one review's input at a time, posts its result.
import { parentPort } from 'node:worker_threads';
import { reviewFiles } from '../engine/review-files.js';
import { parserForReview } from './parse-workers.js';
import type { ReviewInput } from './review-worker.js';

parentPort!.on('message', ({ base, head, config, modules, options }: ReviewInput) => {
  reviewFiles(base, head, config, parserForReview(), modules, options).then(
    (result) => parentPort!.postMessage({ result }),
    (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});
