// The bundled example PR as commits for the GitHub double.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

function tree(dir: string, root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, tree(full, root));
    else out[relative(root, full)] = readFileSync(full, 'utf8');
  }
  return out;
}

const EXAMPLE = join(import.meta.dirname, '../../examples/three-tier');
export const BASE = 'a'.repeat(40);
export const HEAD = 'b'.repeat(40);
export const TIP = 'c'.repeat(40);
export const exampleCommits = (): Record<string, Record<string, string>> => ({
  [BASE]: { 'README.md': '# infra\n', ...tree(join(EXAMPLE, 'base')) },
  [HEAD]: { 'README.md': '# infra\n', ...tree(join(EXAMPLE, 'head')) },
});
export const examplePull = { number: 1, head: HEAD, base: TIP, mergeBase: BASE };
