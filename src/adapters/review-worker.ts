// Runs one review on its own worker thread (review-worker-main.ts), so the server's event loop
// answers /ping and webhooks throughout however long the engine works. The worker is bounded
// from outside as well as by the engine's own limits: killed past the time budget, stopped by
// V8 past its heap limit; both become an `analysis-limit` finding (the PR's input caused them,
// so never a pass through `on_error`). Any other failure is an error with its reason.
// Built, the worker runs the compiled .js beside this file; from the sources (vitest, tsx) it
// runs the .ts entry through tsx's loader, registered in the worker (see TSX_BOOTSTRAP).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../engine/hcl/parse.js';
import type { ReviewResult } from '../engine/result.js';
import type { ReviewOptions } from '../engine/review.js';
import { stoppedReview, type RevisionModules } from '../engine/review-files.js';
import type { ReviewSettings } from '../engine/settings.js';

export interface ReviewInput {
  base: SourceFile[];
  head: SourceFile[];
  config: ReviewSettings;
  modules: RevisionModules;
  options: ReviewOptions;
}

export interface WorkerBounds {
  /** The worker's V8 heap (old generation), in MB. */
  memoryMb: number;
  /** Seconds past `review_time_budget` before the worker is killed (the engine stops itself at the budget). */
  graceSeconds: number;
  /** Reviews on workers at once; more wait their turn. */
  concurrency: number;
}

/** SG_REVIEW_ENGINE_MEMORY_MB and SG_REVIEW_ENGINE_THREADS; the defaults hold the hostile inputs of the bench with room. */
export function workerBounds(env: NodeJS.ProcessEnv = process.env): WorkerBounds {
  const positive = (name: string, fallback: number) => {
    const n = Number(env[name]);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    memoryMb: positive('SG_REVIEW_ENGINE_MEMORY_MB', 512),
    graceSeconds: 10,
    concurrency: positive('SG_REVIEW_ENGINE_THREADS', Math.max(1, availableParallelism() - 1)),
  };
}

const fromSources = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`./review-worker-main.${fromSources ? 'ts' : 'js'}`, import.meta.url);
// Node 20 applies neither the parent's loader hooks nor `--import tsx` to a worker's entry:
// from the sources, a bootstrap registers tsx's loader in the worker, then imports the entry.
const TSX_BOOTSTRAP = `
const { workerData } = await import('node:worker_threads');
const { register } = await import(workerData.tsx);
register();
await import(workerData.entry);
`;

/** tsx's ESM register API (its `import` export; `require.resolve` would give the CommonJS one). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

function workerOf(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  if (!fromSources) return new Worker(ENTRY, { resourceLimits });
  const tsx = tsxEsmApi();
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(TSX_BOOTSTRAP)}`), {
    workerData: { tsx, entry: ENTRY.href },
    resourceLimits,
  });
}

/** A worker kept between reviews (the engine and the parser stay loaded), or none yet. */
interface Slot {
  worker: Worker | null;
  memoryMb: number;
}

const idle: Slot[] = [];
let slots = 0;
const waiting: ((slot: Slot) => void)[] = [];

async function acquire(bounds: WorkerBounds): Promise<Slot> {
  const free = idle.pop();
  if (free) return free;
  if (slots < bounds.concurrency) {
    slots++;
    return { worker: null, memoryMb: bounds.memoryMb };
  }
  // a released slot is handed over as it is
  return new Promise((resolve) => waiting.push(resolve));
}

function release(slot: Slot): void {
  slot.worker?.unref();
  const next = waiting.shift();
  if (next) next(slot);
  else idle.push(slot);
}

/** Starts one engine thread ahead of the first review (the server, at start), idle and unreferenced. */
export function prestartReviewWorker(bounds: WorkerBounds = workerBounds()): void {
  if (slots) return;
  slots++;
  const slot: Slot = { worker: null, memoryMb: bounds.memoryMb };
  start(slot).unref();
  idle.push(slot);
}

/** The slot's new worker; one that fails or exits between reviews is dropped, not thrown. */
function start(slot: Slot): Worker {
  const worker = workerOf(slot.memoryMb);
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (slot.worker === worker) slot.worker = null;
  });
  slot.worker = worker;
  return worker;
}

export async function reviewInWorker(input: ReviewInput, bounds: WorkerBounds = workerBounds()): Promise<ReviewResult> {
  const slot = await acquire(bounds);
  try {
    return await review(slot, input, bounds);
  } finally {
    release(slot);
  }
}

/** One review on the slot's worker; a worker that is killed, crashed or out of memory is dropped. */
function review(slot: Slot, input: ReviewInput, bounds: WorkerBounds): Promise<ReviewResult> {
  if (slot.memoryMb !== bounds.memoryMb) void drop(slot);
  slot.memoryMb = bounds.memoryMb;
  const worker = slot.worker ?? start(slot);
  worker.ref();
  const budget = input.config.review_time_budget;
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => Promise<ReviewResult> | ReviewResult, keep = false) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (!keep) void drop(slot);
      Promise.resolve().then(outcome).then(resolve, reject);
    };
    const stopped = (limit: 'review_time_budget' | 'review_memory', reason: string) => () =>
      stoppedReview(input.head, input.config, { limit, reason, file: null, line: 1 }, input.options);
    const onMessage = (m: { result: ReviewResult } | { error: string }) =>
      settle(() => {
        if ('error' in m) throw new Error(`the review failed: ${m.error}`);
        return m.result;
      }, true);
    const onError = (e: Error & { code?: string }) =>
      settle(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? stopped('review_memory', `the review needed more than its memory of ${bounds.memoryMb} MB`)
          : () => {
              throw new Error(`the review failed on its worker: ${e.message}`);
            },
      );
    const onExit = (code: number) =>
      settle(() => {
        throw new Error(`the review's worker stopped (exit code ${code}) without a result`);
      });
    const timer = setTimeout(
      () => settle(stopped('review_time_budget', `the review was stopped at its time budget of ${budget} s`)),
      (budget + bounds.graceSeconds) * 1000,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(input);
  });
}

async function drop(slot: Slot): Promise<void> {
  const worker = slot.worker;
  slot.worker = null;
  await worker?.terminate();
}

/** Ends every idle worker (tests, shutdown); busy ones end with their review. */
export async function closeReviewWorkers(): Promise<void> {
  await Promise.all(idle.map(drop));
}
