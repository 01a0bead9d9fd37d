// A directory given to the CLI may call modules above it (`source = "../.."`: an example of a
// module repository, reviewed per directory as Atlantis and Terragrunt users do). Paths are
// then written from the deepest directory that holds everything read, as the repository has
// them (`examples/complete/main.tf`, `main.tf`), never `../../main.tf`; and the module's own
// groups are named as in a review of the repository (`aws_security_group.this`), not `../..:…`.
import { posix, sep } from 'node:path';
import type { SourceFile } from '../engine/hcl/parse.js';
import type { ModuleResolutions } from '../engine/modules/resolution.js';

type InitCache = ModuleResolutions['initCache'];

/** Where the given directory lies in the tree read: its last names, one per level the files
 * reach above it (`../../x.tf` from `/src/repo/examples/complete`: `examples/complete`); '' when
 * nothing lies above it. */
export function placeInTree(dir: string, revisions: SourceFile[][]): string {
  let levels = 0;
  for (const f of revisions.flat()) levels = Math.max(levels, (/^(?:\.\.\/)+/.exec(f.path)?.[0].length ?? 0) / 3);
  return levels ? dir.split(sep).filter(Boolean).slice(-levels).join('/') : '';
}

/** `path` (relative to the given directory) written from the top of the tree read. */
const fromTop = (place: string, path: string) => (place ? posix.normalize(posix.join(place, path)) : path);

export function filesFromTop(place: string, files: SourceFile[]): SourceFile[] {
  if (!place) return files;
  return files.map((f) => ({ ...f, path: fromTop(place, f.path), ...(f.linkTo ? { linkTo: fromTop(place, f.linkTo) } : {}) }));
}

export function initCacheFromTop(place: string, cache: InitCache): InitCache {
  if (!place) return cache;
  return new Map(
    [...cache].map(([dir, keys]) => [fromTop(place, dir), new Map([...keys].map(([key, entry]) => [key, { ...entry, dir: fromTop(place, entry.dir) }]))]),
  );
}
