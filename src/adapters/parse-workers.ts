// Runs @cdktf/hcl2json (a Go/WASM parser, the slowest stage) for the files the fast path
// (engine/hcl/fast-path.ts) leaves to it: in-process for a few, else on worker threads, one per core.
// The WASM module is compiled once per process and shared with every worker: V8 then shares
// its machine code too, so the optimised tier one worker reaches (the first parses of a cold
// module cost ~15x a warm one) serves all of them, instead of each worker warming up alone.
// The worker is evaluated from a string so it runs the same under tsc output, tsx and vitest.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { parseInProcess, type HclToJson } from '../engine/hcl/parse.js';

// hcl2json's own bridge, with the module instantiated from the shared compilation: the Go
// program publishes its functions on the global object named below. The JSON text is posted
// as it is (a string crosses threads cheaper than the structured clone of its object).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.goRuntime);
const exported = {};
globalThis.__parse_terraform_config_wasm__ = exported;
const go = new Go();
const ready = WebAssembly.instantiate(workerData.module, go.importObject).then((instance) => void go.run(instance));
parentPort.on('message', async ({ id, path, content }) => {
  try {
    await ready;
    exported.parse(path, content, (error, json) => {
      parentPort.postMessage(error ? { id, error: String(error) } : { id, json });
    });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
});
`;

/** Below this many files for hcl2json at once, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;

function inProcessSuits(files: number, threads: number): boolean {
  return files < MIN_FILES_FOR_WORKERS || threads < 2;
}

export type ClosableParser = HclToJson & { close?: () => Promise<void> };

const hcl2jsonDir = dirname(createRequire(import.meta.url).resolve('@cdktf/hcl2json/package.json'));
let compiled: Promise<WebAssembly.Module> | null = null;

/** hcl2json's WASM module, compiled once per process. */
function parserModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(join(hcl2jsonDir, 'main.wasm.gz')).then((gz) => WebAssembly.compile(gunzipSync(gz)));
  return compiled;
}

/**
 * hcl2json for the files the fast path leaves to it, started only when the first one comes:
 * files asked for in the same turn of the event loop (a revision's files are parsed together)
 * make one batch, and its size chooses in-process hcl2json or worker threads, once.
 */
export function deferredParser(choose: (files: number) => ClosableParser, closeChosen: boolean): ClosableParser {
  let chosen: ClosableParser | null = null;
  /** Settles once the first batch has been handed to the parser it chose. */
  let started: Promise<void> | null = null;
  let batch: { path: string; content: string; resolve: (v: Record<string, unknown>) => void; reject: (e: unknown) => void }[] = [];
  const start = () => {
    chosen = choose(batch.length);
    for (const f of batch) chosen(f.path, f.content).then(f.resolve, f.reject);
    batch = [];
  };
  const parse: ClosableParser = (path, content) => {
    if (chosen) return chosen(path, content);
    started ??= new Promise((resolve) =>
      setImmediate(() => {
        start();
        resolve();
      }),
    );
    return new Promise((resolve, reject) => batch.push({ path, content, resolve, reject }));
  };
  parse.close = async () => {
    // a batch not started yet still chooses its parser: that one is closed too
    await started;
    if (closeChosen) await chosen?.close?.();
  };
  return parse;
}

/** The parser of one command-line run: in-process for a few files, else a pool closed with it. */
export function createWorkerParser(threads = availableParallelism()): ClosableParser {
  return deferredParser((files) => (inProcessSuits(files, threads) ? parseInProcess : createWorkerPool(threads)), true);
}

let shared: ClosableParser | null = null;

/**
 * The parser for one review in a long-running server: in-process for a few files, else one
 * pool per process, started on first use and kept warm. Parsing on workers keeps the event
 * loop free to answer other webhooks within GitHub's 10 seconds.
 */
export function parserForReview(): ClosableParser {
  const threads = availableParallelism();
  return deferredParser((files) => (inProcessSuits(files, threads) ? parseInProcess : (shared ??= createWorkerPool(threads))), false);
}

/**
 * Workers are referenced only while they have work, so an idle pool never keeps the process
 * alive. If a worker dies, its pending files fail and later files are parsed in-process.
 */
export function createWorkerPool(threads: number): ClosableParser {
  const goRuntime = join(hcl2jsonDir, 'wasm', 'bridge_wasm_exec.js');
  const pending = new Map<number, { worker: number; resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const load = Array<number>(threads).fill(0);
  const alive = Array<boolean>(threads).fill(true);
  let nextId = 0;
  const workers = parserModule().then((module) =>
    Array.from({ length: threads }, (_, i) => {
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, goRuntime } });
      w.unref();
      w.on('message', (m: { id: number; json?: string; error?: string }) => {
        const p = pending.get(m.id);
        pending.delete(m.id);
        load[i]!--;
        if (load[i] === 0) w.unref();
        if (m.error !== undefined) p?.reject(new Error(m.error));
        else {
          try {
            p?.resolve(JSON.parse(m.json!) as Record<string, unknown>);
          } catch (e) {
            p?.reject(e as Error);
          }
        }
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
      return w;
    }),
  );
  const parse: ClosableParser = (path, content) => {
    const candidates = load.map((n, i) => (alive[i] ? n : Infinity));
    const i = candidates.indexOf(Math.min(...candidates));
    if (!alive[i]) return parseInProcess(path, content);
    const id = nextId++;
    load[i]!++;
    return new Promise((resolve, reject) => {
      pending.set(id, { worker: i, resolve, reject });
      void workers.then(
        (all) => {
          all[i]!.ref();
          all[i]!.postMessage({ id, path, content });
        },
        (e: Error) => {
          pending.delete(id);
          reject(e);
        },
      );
    });
  };
  parse.close = async () => {
    alive.fill(false);
    await Promise.all((await workers).map((w) => w.terminate()));
  };
  return parse;
}
