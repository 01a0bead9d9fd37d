// The analysis core takes contents in and returns data out: no filesystem, no GitHub.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');
const FORBIDDEN = /from\s+['"](node:fs|fs|node:fs\/promises|probot|@octokit\/[^'"]+|node:child_process|node:worker_threads|node:http)['"]/;

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesBelow(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('layering', () => {
  it.each(['engine', 'render', 'publish', 'config'])('src/%s imports no I/O or GitHub module', (folder) => {
    const offenders = filesBelow(join(SRC, folder)).filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
