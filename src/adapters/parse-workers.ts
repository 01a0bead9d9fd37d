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
  const modulePath = createRequire(import.meta.url).resolve('@cdktf/hcl2json');
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE(modulePath), { eval: true }));
  const pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const load = workers.map(() => 0);
  let nextId = 0;
  workers.forEach((w, i) => {
    w.on('message', (m: { id: number; body?: Record<string, unknown>; error?: string }) => {
      load[i]!--;
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.body!);
    });
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  });
  const parse: ClosableParser = (path, content) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const i = load.indexOf(Math.min(...load));
      load[i]!++;
      workers[i]!.postMessage({ id, path, content });
    });
  parse.close = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  return parse;
}
