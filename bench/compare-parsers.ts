// Compares the fast parse path with hcl2json on every .tf/.tofu file under the given
// directories: how many files take the fast path and match, fall back, or differ (a bug).
// Usage: npx tsx bench/compare-parsers.ts DIR... (prints the paths of mismatches and fallbacks)
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { fastHclToJson } from '../src/engine/hcl/fast-path.js';
import { parseInProcess } from '../src/engine/hcl/parse.js';
import { decodeText } from '../src/engine/hcl/text.js';
import { terraformFiles } from '../test/helpers/terraform-files.js';

const counts = { files: 0, match: 0, mismatch: 0, fallbackRefused: 0, fallbackRead: 0 };
for (const file of process.argv.slice(2).flatMap(terraformFiles)) {
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
