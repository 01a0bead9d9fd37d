// `.terraform/modules/modules.json`, what `terraform init` wrote (key `a.b` → directory), read
// from its text: every reader (the directory reader, `diff --git`, the App) reads a committed
// one the same way. Terraform (init, then plan) loads a call from its record's `Dir` wherever
// that lies, a local path too, so a committed manifest decides what is applied; an absolute
// `Dir` (the runner's files) is recorded unread.
import { posix } from 'node:path';
import type { InitRecord } from './resolution.js';

/** Where a root keeps its manifest. */
export const MANIFEST = '.terraform/modules/modules.json';

interface ManifestEntry {
  Key?: unknown;
  Source?: unknown;
  Dir?: unknown;
  Version?: unknown;
}

/** The root a path under `<root>/.terraform/modules/` belongs to (its manifest, the modules installed there), or null. */
export function initCacheRoot(path: string): string | null {
  const at = `/${path}`.indexOf('/.terraform/modules/');
  return at < 0 ? null : path.slice(0, Math.max(0, at - 1));
}

/** The manifest's records by key (directories relative to the repository), or null for a manifest that does not parse (as good as none: init installs every call again). */
export function initCacheRecords(root: string, text: string): Map<string, InitRecord> | null {
  let entries: ManifestEntry[];
  try {
    entries = (JSON.parse(text) as { Modules?: ManifestEntry[] }).Modules ?? [];
    if (!Array.isArray(entries)) return null;
  } catch {
    return null;
  }
  const keys = new Map<string, InitRecord>();
  for (const e of entries) {
    if (typeof e?.Key !== 'string' || !e.Key || typeof e.Dir !== 'string') continue;
    const record = { version: typeof e.Version === 'string' ? e.Version : null, source: typeof e.Source === 'string' ? e.Source : null };
    if (posix.isAbsolute(e.Dir) || /^[A-Za-z]:|\\/.test(e.Dir)) {
      const manifest = posix.join(root, MANIFEST);
      keys.set(e.Key, {
        ...record,
        dir: e.Dir,
        unread: `the init cache (${manifest}) loads it from ${e.Dir}, an absolute path outside the repository, not read`,
      });
      continue;
    }
    const dir = posix.normalize(posix.join(root, e.Dir)).replace(/\/+$/, '');
    keys.set(e.Key, { ...record, dir: dir === '.' ? '' : dir });
  }
  return keys;
}
