// After `npm run build`, the package's bin runs with plain node.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const bin = join(ROOT, pkg.bin['sg-review']!);

describe.skipIf(!existsSync(bin))('built bin', () => {
  it('runs the CLI with node and exits 1 when a finding fails the review', async () => {
    const run = promisify(execFile);
    const model = await run(process.execPath, [bin, 'model', 'examples/three-tier/head'], { cwd: ROOT });
    expect(model.stdout).toMatch(/^1 files, 3 groups, 7 rules/);
    await expect(
      run(process.execPath, [bin, 'diff', 'examples/three-tier/base', 'examples/three-tier/head', '--format', 'json'], { cwd: ROOT }),
    ).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('"schema": "sg-review/v1"') });
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
