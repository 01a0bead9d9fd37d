// One cold process, as `sg-review diff` runs: prints the milliseconds of either the review of a
// generated module (base and head, fast path, hcl2json for what it leaves, content cache), the
// naive one-by-one hcl2json parse of both revisions, or the naive one-by-one fast-path parse
// (and, for the review, when its parsing ended), with the CPU time of all threads. Timed after
// the imports, so Node's start is left out.
//   node --import tsx bench/diff-once.ts <groups> <files> review|naive|naive-fast
import { createWorkerParser } from '../src/adapters/parse-workers.js';
import { DEFAULT_CONFIG } from '../src/config/schema.js';
import { fastHclToJson } from '../src/engine/hcl/fast-path.js';
import { reviewFiles } from '../src/engine/review-files.js';
import { generate } from './generate.js';

const [groups, files, mode] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const base = generate(groups, 5, files);
const head = generate(groups, 5, files, 2);
const started = performance.now();
let parsedMs = 0;
let fallbacks = 0;
const cpu = process.cpuUsage();
if (mode === 'naive') {
  // imported here, not above: the import starts hcl2json's runtime, which the review must not pay for
  const { parse } = await import('@cdktf/hcl2json');
  for (const f of [...base, ...head]) await parse(f.path, f.content);
} else if (mode === 'naive-fast') {
  for (const f of [...base, ...head]) {
    if (fastHclToJson(f.content)) continue;
    fallbacks++;
    await (await import('@cdktf/hcl2json')).parse(f.path, f.content);
  }
} else {
  const toJson = createWorkerParser();
  // when the last distinct content is parsed: the rest is model building and the review
  const onParsed = () => void (parsedMs = performance.now() - started);
  await reviewFiles(base, head, DEFAULT_CONFIG, (path, content) => (fallbacks++, toJson(path, content)), undefined, { onParsed });
  await toJson.close?.();
}
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    ms: performance.now() - started,
    parsedMs,
    cpuMs: (used.user + used.system) / 1000,
    changedFiles: base.filter((f, i) => f.content !== head[i]!.content).length,
    fallbacks,
  }),
);
