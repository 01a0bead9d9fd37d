// The .tf and .tofu files below a directory, for tests and benchmarks that read them all.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function terraformFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return terraformFiles(p);
    return /\.(tf|tofu)$/.test(p) ? [p] : [];
  });
}
