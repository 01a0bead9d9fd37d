// The package's bin runs with plain node (built here first when dist/ is missing: never skipped).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const bin = join(ROOT, pkg.bin['sg-review']!);

describe('built bin', () => {
  beforeAll(() => {
    if (!existsSync(bin))
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  }, 300_000);

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
