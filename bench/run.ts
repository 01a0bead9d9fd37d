// npm run bench: model-building and diff figures. Prints measurements; asserts nothing.
//   0. hostile inputs (issue 11), in-process and on the App's engine thread
//   1. the shared corpus: naive one-by-one hcl2json parse vs modelling base + head
//   2. a generated module: 2,000 groups / 10,000 rules, modelled
//   3. a generated repository of 10,000 groups diffed against a copy with a few changes,
//      and the same at 4× the size (the ratio shows whether the diff is linear)
//   4. `sg-review diff` of a generated 2,000-group module (101 files, 2 changed) in a fresh
//      process, against the naive hcl2json parse of both revisions (and the naive fast-path
//      parse), and at 8,000 groups
//   5. the server's steady state: reviews per minute of a 100-file directory, warm process
//   6. the review of a long chain of groups reachable from the internet (the reachability walk)
//   7. where one group's CIDR rules together admit the internet, on 2,000 and 8,000 rules
// `npm run bench -- diff` runs 4 and 5 alone, `npm run bench -- paths` 6 alone, `npm run bench -- union` 7 alone.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { readTerraformTree } from '../src/adapters/files.js';
import { reviewInWorker } from '../src/adapters/review-worker.js';
import { createWorkerParser, parserForReview } from '../src/adapters/parse-workers.js';
import { DEFAULT_CONFIG } from '../src/config/schema.js';
import type { SourceFile } from '../src/engine/hcl/parse.js';
import { FileParser } from '../src/engine/hcl/parse.js';
import { loadModel } from '../src/engine/load.js';
import { NO_RESOLUTIONS } from '../src/engine/modules/resolution.js';
import { review } from '../src/engine/review.js';
import { reviewFiles } from '../src/engine/review-files.js';
import { chain, generate } from './generate.js';
import { internetUnionMs } from './internet-union.js';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

function hostileInputs(): [string, string][] {
  const group = (extra: string, to = '22') =>
    `resource "aws_security_group" "g" {\n${extra}  ingress {\n    description = "x"\n    from_port = 22\n    to_port = ${to}\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
  return [
    ['count = 1e9', group('  count = 1e9\n')],
    ['2,500-term expression', group('', `${Array.from({ length: 2500 }, () => '1').join(' + ')} - 2478`)],
    [
      '1000 x 1000 for + toset',
      `locals {\n  s = toset(flatten([for i in range(1000) : [for j in range(1000) : "\${i}-\${j}"]]))\n}\n${group('', 'length(local.s) > 0 ? 22 : 23')}`,
    ],
  ];
}

async function naiveParse(files: SourceFile[]): Promise<number> {
  const [, t] = await time(async () => {
    for (const f of files) await parse(f.path, f.content).catch(() => null);
  });
  return t;
}

async function main() {
  await parse('warm.tf', 'a = 1'); // load the WASM runtime once, outside the timings
  // hostile inputs (issue 11): each must end within 10 s and 500 MB, with a finding
  for (const [name, content] of hostileInputs()) {
    const [result, t] = await time(() => reviewFiles([], [{ path: 'main.tf', content }], DEFAULT_CONFIG));
    const rules = [...new Set(result.findings.map((f) => f.rule))].join(', ');
    // evaluation is synchronous, so the sampler cannot see inside it: the process's own peak (so far) instead
    const maxRss = process.resourceUsage().maxRSS * 1024;
    console.log(`hostile ${name}: ${ms(t)}  process peak RSS ${mb(maxRss)}  findings: ${rules} (target < 10 s, < 500 MiB)`);
  }
  // the same on the App's engine thread, and how late the main thread's timers fire meanwhile
  // (what /ping waits): the thread's start is included
  for (const [name, content] of hostileInputs()) {
    let lag = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      lag = Math.max(lag, performance.now() - last - 10);
      last = performance.now();
    }, 10);
    const input = {
      base: [],
      head: [{ path: 'main.tf', content }],
      config: DEFAULT_CONFIG,
      modules: { base: NO_RESOLUTIONS, head: NO_RESOLUTIONS },
      options: {},
    };
    const [result, t] = await time(() => reviewInWorker(input));
    clearInterval(ticker);
    const rules = [...new Set(result.findings.map((f) => f.rule))].join(', ');
    console.log(`hostile ${name} on the engine thread: ${ms(t)}  main thread's longest timer lag ${ms(lag)}  findings: ${rules}`);
  }
  const corpus = join(import.meta.dirname, '../../shared/corpus/real-world');
  if (existsSync(corpus)) {
    const files: SourceFile[] = [];
    for (const d of readdirSync(corpus)) for (const f of await readTerraformTree(join(corpus, d))) files.push({ path: `${d}/${f.path}`, content: f.content });
    const head = files.map((f, i) => (i % 50 === 0 ? { ...f, content: f.content + '\n# changed\n' } : f));
    const naive = (await naiveParse(files)) + (await naiveParse(head));
    peak = 0;
    const parser = new FileParser(createWorkerParser());
    const [models, t] = await time(() => Promise.all([loadModel(files, parser), loadModel(head, parser)]));
    await parser.close();
    console.log(
      `corpus: ${files.length} files, ${models[1].groups.length} groups, ${models[1].rules.length} rules, ${models[1].unknowns.length} unknown values`,
    );
    console.log(`  naive hcl2json parse of base + head, one by one: ${ms(naive)}`);
    console.log(
      `  model base + head (${head.filter((f, i) => f !== files[i]).length} files differ): ${ms(t)}  ratio ${(t / naive).toFixed(2)} (target <= 0.6)  peak RSS ${mb(peak)}`,
    );
  }
  {
    const files = generate(2000, 5, 40);
    peak = 0;
    const parser = new FileParser(createWorkerParser());
    const [model, t] = await time(() => loadModel(files, parser));
    await parser.close();
    const naive = await naiveParse(files);
    console.log(
      `generated module: ${model.groups.length} groups, ${model.rules.length} rules in ${files.length} files: model ${ms(t)} (naive parse ${ms(naive)})  peak RSS ${mb(peak)}`,
    );
  }
  const diffTimes: number[] = [];
  for (const scale of [1, 4]) {
    const groups = 10000 * scale;
    const base = generate(groups, 3, 100 * scale);
    const head = generate(groups, 3, 100 * scale, 5);
    peak = 0;
    const parser = new FileParser(createWorkerParser());
    const [b, h] = await Promise.all([loadModel(base, parser), loadModel(head, parser)]);
    await parser.close();
    const [result, t] = await time(async () => review(b, h, DEFAULT_CONFIG));
    diffTimes.push(t);
    console.log(`diff of ${groups} groups (${b.rules.length} rules): ${ms(t)}, ${result.findings.length} findings  peak RSS ${mb(peak)}`);
  }
  console.log(`diff time ratio 4x / 1x: ${(diffTimes[1]! / diffTimes[0]!).toFixed(2)} (target <= 4.5)`);
  coldDiff();
  await throughput();
  await longChain();
  internetUnion();
  clearInterval(sampler);
}

/** InternetUnion (a hot path a PR controls: it writes the rules) on many overlapping pieces. */
function internetUnion(): void {
  internetUnionMs(2000); // warm the JIT outside the figures
  const small = internetUnionMs(2000);
  const large = internetUnionMs(8000);
  console.log(
    `internet union of one group's CIDR pieces: 2,000 rules ${small.toFixed(1)} ms, 8,000 rules ${large.toFixed(1)} ms (CPU, best of 5); ratio ${(large / small).toFixed(2)} (target <= 4.5)`,
  );
}

/**
 * `sg-review diff` in fresh processes (the WASM parser cold, as on the command line), against the
 * naive parse. The machine may be shared: the pairs run ROUNDS times, interleaved, and the min
 * and median are printed with the CPU time (all threads), which load inflates less than wall
 * time, and the load average before and after. The children get the command line's V8 flags
 * (none: not this process's `--max-semi-space-size`), only tsx to run the sources.
 */
function coldDiff(): void {
  const ROUNDS = 5;
  const LARGE_ROUNDS = 3;
  type Run = { ms: number; parsedMs: number; cpuMs: number; changedFiles: number; fallbacks: number };
  const once = (groups: number, files: number, mode: string): Run => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'diff-once.ts'), String(groups), String(files), mode], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as Run;
  };
  const loadBefore = loadavg()[0]!;
  const runs = Array.from({ length: ROUNDS }, () => ({
    small: once(2000, 101, 'review'),
    naive: once(2000, 101, 'naive'),
    naiveFast: once(2000, 101, 'naive-fast'),
  }));
  const large = Array.from({ length: LARGE_ROUNDS }, () => once(8000, 404, 'review'));
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
  };
  const figure = (values: number[], format: (n: number) => string = ms) => {
    const { min, median } = stats(values);
    return `min ${format(min)}, median ${format(median)}`;
  };
  const of = (pick: (r: (typeof runs)[number]) => number, format?: (n: number) => string) => figure(runs.map(pick), format);
  const ratio = (n: number) => n.toFixed(2);
  console.log(
    `sg-review diff, cold process, ${availableParallelism()} cores, ${ROUNDS} interleaved rounds, load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after:`,
  );
  const count = (n: number) => String(n);
  console.log(
    `  2,000 groups (101 files, ${runs[0]!.small.changedFiles} changed): diff ${of((r) => r.small.ms)}; CPU ${of((r) => r.small.cpuMs)}; files left to hcl2json ${of((r) => r.small.fallbacks, count)}`,
  );
  console.log(
    `    of which parsing (until the last distinct content is parsed) ${of((r) => r.small.parsedMs)}; then model building and the review ${of((r) => r.small.ms - r.small.parsedMs)}`,
  );
  console.log(`  naive hcl2json parse of both revisions: ${of((r) => r.naive.ms)}; CPU ${of((r) => r.naive.cpuMs)}`);
  console.log(
    `  naive fast-path parse of both revisions (hcl2json for what it leaves: ${of((r) => r.naiveFast.fallbacks, count)} files): ${of((r) => r.naiveFast.ms)}; CPU ${of((r) => r.naiveFast.cpuMs)}`,
  );
  console.log(`  ratio diff / naive hcl2json parse, per round: ${of((r) => r.small.ms / r.naive.ms, ratio)} (target <= 0.6)`);
  console.log(`  ratio diff / naive fast-path parse, per round: ${of((r) => r.small.ms / r.naiveFast.ms, ratio)}`);
  const small = stats(runs.map((r) => r.small.ms));
  const big = stats(large.map((r) => r.ms));
  console.log(
    `  8,000 groups (404 files), ${LARGE_ROUNDS} runs: ${figure(large.map((r) => r.ms))}; CPU ${figure(large.map((r) => r.cpuMs))}; ratio 8,000 / 2,000: of the mins ${ratio(big.min / small.min)}, of the medians ${ratio(big.median / small.median)} (target <= 4.5)`,
  );
}

/** The server's steady state: one warm process reviewing a 100-file directory again and again. */
async function throughput(): Promise<void> {
  const base = generate(1000, 5, 100);
  const head = generate(1000, 5, 100, 2);
  const parser = parserForReview();
  for (let i = 0; i < 2; i++) await reviewFiles(base, head, DEFAULT_CONFIG, parser);
  const rounds = 8;
  const [, t] = await time(async () => {
    for (let i = 0; i < rounds; i++) await reviewFiles(base, head, DEFAULT_CONFIG, parser);
  });
  console.log(
    `server steady state (warm process, ${availableParallelism()} cores): ${(60_000 / (t / rounds)).toFixed(0)} reviews/minute of a 100-file directory (1,000 groups; ${ms(t / rounds)} per review)`,
  );
  // as the App runs it: on its warm engine thread (files and result cross threads)
  const input = { base, head, config: DEFAULT_CONFIG, modules: { base: NO_RESOLUTIONS, head: NO_RESOLUTIONS }, options: {} };
  for (let i = 0; i < 2; i++) await reviewInWorker(input);
  const [, tw] = await time(async () => {
    for (let i = 0; i < rounds; i++) await reviewInWorker(input);
  });
  console.log(`  on the engine thread: ${(60_000 / (tw / rounds)).toFixed(0)} reviews/minute (${ms(tw / rounds)} per review)`);
}

/** The review of 2,000 chained groups, every fifth open to the internet: every group is on a path. */
async function longChain(): Promise<void> {
  const files = chain(2000, 20, 5);
  const parser = new FileParser(createWorkerParser());
  const [b, h] = await Promise.all([loadModel(files, parser), loadModel(files, parser)]);
  await parser.close();
  review(b, h, DEFAULT_CONFIG); // warm
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await time(async () => review(b, h, DEFAULT_CONFIG)))[1]);
  times.sort((x, y) => x - y);
  console.log(`review of a chain of 2,000 groups (${h.rules.length} rules), 5 runs: min ${ms(times[0]!)}, median ${ms(times[2]!)}`);
}

// `npm run bench -- diff`: the cold `sg-review diff` and the throughput alone; `paths`: the long chain
if (process.argv[2] === 'diff') {
  coldDiff();
  await throughput();
  clearInterval(sampler);
} else if (process.argv[2] === 'paths') {
  await longChain();
  clearInterval(sampler);
} else if (process.argv[2] === 'union') {
  internetUnion();
  clearInterval(sampler);
} else await main();
