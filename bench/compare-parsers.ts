// Compares the fast parse path with hcl2json on every .tf/.tofu file under the given
// directories: how many files take the fast path and match, fall back, or differ (a bug).
// Usage: npx tsx bench/compare-parsers.ts DIR... (prints the paths of mismatches and fallbacks)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fastHclToJson } from '../src/engine/hcl/fast-path.js';
import { parseInProcess } from '../src/engine/hcl/parse.js';
import { decodeText } from '../src/engine/hcl/text.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(tf|tofu)$/.test(p) ? [p] : [];
  });
}

const counts = { files: 0, match: 0, mismatch: 0, fallbackRefused: 0, fallbackRead: 0 };
for (const file of process.argv.slice(2).flatMap(walk)) {
  const { content, unreadable } = decodeText(readFileSync(file));
  if (unreadable) continue;
  counts.files++;
  const fast = fastHclToJson(content);
  const reference = await parseInProcess(file, content).catch(() => undefined);
  if (fast === undefined) {
    if (reference === undefined) counts.fallbackRefused++;
    else {
      counts.fallbackRead++;
      console.log(`fallback (hcl2json reads it): ${file}`);
    }
  } else if (reference !== undefined && isDeepStrictEqual(fast, reference) && JSON.stringify(fast) === JSON.stringify(reference)) counts.match++;
  else {
    counts.mismatch++;
    console.log(`MISMATCH: ${file}`);
  }
}
console.log(counts);
