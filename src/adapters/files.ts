// Reads a directory tree of Terraform files from disk.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../engine/hcl/parse.js';
import { isTerraformFile } from '../engine/load.js';
import { decodeText } from '../engine/hcl/text.js';

const SKIP = new Set(['.git', '.terraform', 'node_modules']);

/** Every Terraform file below `root`, with paths relative to it (forward slashes). */
export async function readTerraformTree(root: string): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) await walk(full);
      } else if (e.isFile() && isTerraformFile(e.name)) {
        out.push({ path: relative(root, full).split(sep).join('/'), ...decodeText(await readFile(full)) });
      }
    }
  };
  await walk(root);
  return out;
}
