// `paths` / `ignore_paths` globs.
import picomatch from 'picomatch';
import type { Config } from './schema.js';

/** Whether a path is in scope; the globs are compiled once per configuration. */
export function pathFilter(config: Pick<Config, 'paths' | 'ignore_paths'>): (path: string) => boolean {
  const include = picomatch(config.paths, { dot: true });
  const exclude = config.ignore_paths.length ? picomatch(config.ignore_paths, { dot: true }) : () => false;
  return (path) => include(path) && !exclude(path);
}

export function filterPaths<T extends { path: string }>(files: T[], config: Pick<Config, 'paths' | 'ignore_paths'>): T[] {
  const inScope = pathFilter(config);
  return files.filter((f) => inScope(f.path));
}
