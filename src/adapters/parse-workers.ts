// Runs @cdktf/hcl2json (a Go/WASM parser, the slowest stage) on worker threads, one per core.
// The worker is evaluated from a string so it runs the same under tsc output, tsx and vitest.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseInProcess, type HclToJson } from '../engine/hcl/parse.js';

const WORKER_SOURCE = (modulePath: string) => `
const { parentPort } = require('node:worker_threads');
const { parse } = require(${JSON.stringify(modulePath)});
parentPort.on('message', async ({ id, path, content }) => {
  try {
    parentPort.postMessage({ id, body: await parse(path, content) });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
});
`;

/** Below this many files, starting workers (each loads the WASM parser) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;

export type ClosableParser = HclToJson & { close?: () => Promise<void> };

export async function createWorkerParser(fileCount: number, threads = availableParallelism()): Promise<ClosableParser> {
  if (fileCount < MIN_FILES_FOR_WORKERS || threads < 2) return parseInProcess;
  return createWorkerPool(threads);
}

let shared: ClosableParser | null = null;

/**
 * The parser for one review in a long-running server: in-process for small reviews, else one
 * pool per process, started on first use. Parsing on workers keeps the event loop free to
 * answer other webhooks within GitHub's 10 seconds.
 */
export function parserForReview(fileCount: number): HclToJson {
  if (fileCount < MIN_FILES_FOR_WORKERS || availableParallelism() < 2) return parseInProcess;
  shared ??= createWorkerPool(availableParallelism());
  return shared;
}

/**
 * Workers are referenced only while they have work, so an idle pool never keeps the process
 * alive. If a worker dies, its pending files fail and later files are parsed in-process.
 */
export function createWorkerPool(threads: number): ClosableParser {
  const modulePath = createRequire(import.meta.url).resolve('@cdktf/hcl2json');
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE(modulePath), { eval: true }));
  const pending = new Map<number, { worker: number; resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const load = workers.map(() => 0);
  const alive = workers.map(() => true);
  let nextId = 0;
  const settle = (i: number) => {
    load[i]!--;
    if (load[i] === 0) workers[i]!.unref();
  };
  workers.forEach((w, i) => {
    w.unref();
    w.on('message', (m: { id: number; body?: Record<string, unknown>; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      settle(i);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.body!);
    });
    const fail = (e: Error) => {
      alive[i] = false;
      for (const [id, p] of pending) {
        if (p.worker !== i) continue;
        pending.delete(id);
        p.reject(e);
      }
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`parser worker exited with code ${code}`)));
  });
  const parse: ClosableParser = (path, content) => {
    const candidates = load.map((n, i) => (alive[i] ? n : Infinity));
    const i = candidates.indexOf(Math.min(...candidates));
    if (!alive[i]) return parseInProcess(path, content);
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { worker: i, resolve, reject });
      if (load[i]!++ === 0) workers[i]!.ref();
      workers[i]!.postMessage({ id, path, content });
    });
  };
  parse.close = async () => {
    alive.fill(false);
    await Promise.all(workers.map((w) => w.terminate()));
  };
  return parse;
}
