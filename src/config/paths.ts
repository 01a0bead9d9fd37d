// `paths` / `ignore_paths` globs.
import picomatch from 'picomatch';
import type { Config } from './schema.js';

export function filterPaths<T extends { path: string }>(files: T[], config: Pick<Config, 'paths' | 'ignore_paths'>): T[] {
  const include = picomatch(config.paths, { dot: true });
  const exclude = config.ignore_paths.length ? picomatch(config.ignore_paths, { dot: true }) : () => false;
  return files.filter((f) => include(f.path) && !exclude(f.path));
}
