// The shared corpus (../shared/corpus beside the repository). Without it, tests that need it
// are skipped on a developer's machine; in CI (CI set) its absence fails the run, loudly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

/** Whether the corpus is there; throws in CI when it is not. */
export function corpusPresent(): boolean {
  if (existsSync(CORPUS)) return true;
  if (process.env['CI'])
    throw new Error('CI is set but the shared corpus is missing (expected ../shared/corpus beside the repository): the corpus-backed tests must run in CI.');
  return false;
}
