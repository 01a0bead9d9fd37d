// `paths` / `ignore_paths` globs.
import picomatch from 'picomatch';
import type { Config } from './schema.js';

// `s`: a wildcard matches line breaks too, since file names may hold them (Terraform reads them)
const GLOB = { dot: true, flags: 's' };

/** Whether a path is in scope; the globs are compiled once per configuration. */
export function pathFilter(config: Pick<Config, 'paths' | 'ignore_paths'>): (path: string) => boolean {
  const include = picomatch(config.paths, GLOB);
  const exclude = config.ignore_paths.length ? picomatch(config.ignore_paths, GLOB) : () => false;
  return (path) => include(path) && !exclude(path);
}

/** Whether the Terraform files of a directory are in scope (judged by a `main.tf` in it). */
export function dirFilter(config: Pick<Config, 'paths' | 'ignore_paths'>): (dir: string) => boolean {
  const inScope = pathFilter(config);
  return (dir) => inScope(dir ? `${dir}/main.tf` : 'main.tf');
}
