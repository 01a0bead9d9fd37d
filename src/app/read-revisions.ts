// Step 5 of a review: the touched directories at both revisions, the local modules they call
// (as deep as the engine follows them), the Terragrunt units below a changed included file or
// naming it, the files units include (in the directories above them or where their paths say),
// and the callers of a touched directory that declares inputs,
// with the local modules those callers call.
import { dirFilter } from '../config/paths.js';
import type { Config } from '../config/schema.js';
import type { LimitHit } from '../engine/evaluate/limits.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import type { TreeReader } from '../github/trees.js';
import { dirOf } from '../engine/hcl/config-files.js';
import { terragruntReads } from '../engine/hcl/file-reads.js';
import { calledModuleDirs, callerReviewAnchor, isBelow, unitAncestors } from './scope.js';

/** How far one review reads (`max_module_depth`, `max_caller_dirs`), and which directories are in scope. */
export interface ReadBounds {
  maxModuleDepth: number;
  maxCallerDirs: number;
  /** `paths` / `ignore_paths` on a directory: its files are not reviewed, so it is never a caller. */
  inScope: (dir: string) => boolean;
}

/** The bounds of a configuration. */
export function readBounds(config: Pick<Config, 'max_module_depth' | 'max_caller_dirs' | 'paths' | 'ignore_paths'>): ReadBounds {
  return { maxModuleDepth: config.max_module_depth, maxCallerDirs: config.max_caller_dirs, inScope: dirFilter(config) };
}

/** Reads the touched directories at both revisions, the local modules they call, and, when a
 * touched directory declares inputs, the directories that call it (a few rounds up) with the
 * local modules they call. A changed git submodule (`gitlinks`: their paths) is such a module
 * too, called at its path or below it. A bound hit is returned in `limits` (an `analysis-limit` finding). */
export async function readBothRevisions(
  trees: TreeReader,
  baseSha: string,
  headSha: string,
  dirs: string[],
  included: string[],
  bounds: ReadBounds,
  gitlinks: string[] = [],
) {
  const base: SourceFile[] = [];
  const head: SourceFile[] = [];
  const limits: LimitHit[] = [];
  const seen = new Set<string>();
  // the start and the modules the engine follows below it (it reports a deeper call itself)
  const rounds = bounds.maxModuleDepth + 1;
  const read = async (pending: string[], from: TreeReader['read'] = trees.read) => {
    for (let round = 0; round < rounds && pending.length; round++) {
      for (const d of pending) seen.add(d);
      const files = await from([baseSha, headSha], pending);
      const b = files.get(baseSha)!;
      const h = files.get(headSha)!;
      base.push(...b);
      head.push(...h);
      pending = [...new Set([...calledModuleDirs(b), ...calledModuleDirs(h)])].filter((d) => !seen.has(d)).sort();
    }
  };
  await read([...new Set([...dirs, ...gitlinks])].sort());
  if (included.length) {
    // a changed file Terragrunt units may include: every unit below it is reviewed again, and
    // every other unit whose include or read_terragrunt_config() may name it (`_envcommon/`)
    const all = (await trees.terraformDirs(headSha)).filter((d) => !seen.has(d) && bounds.inScope(d));
    const below = all.filter((d) => isBelow(d, included.map(dirOf)));
    const searched = all.filter((d) => !below.includes(d)).slice(0, Math.max(0, bounds.maxCallerDirs - below.length));
    const elsewhere = terragruntReads((await trees.read([headSha], searched)).get(headSha)!).filter((r) => included.some((p) => r.touches.test(p)));
    const units = [...below, ...new Set(elsewhere.map((r) => r.dir))];
    if (below.length + searched.length < all.length) {
      limits.push({
        limit: 'max_caller_dirs',
        reason: `The units that include the changed Terragrunt files were searched in ${bounds.maxCallerDirs} of ${all.length} directories`,
        file: null,
        line: 1,
      });
    }
    await read(units.slice(0, bounds.maxCallerDirs));
  }
  // what the units include lives in the directories above them, or where their include paths say
  await read(unitAncestors([...base, ...head]).filter((d) => !seen.has(d)));
  // (one not known statically is not searched for: the engine reports its unit unanalysed)
  for (let round = 0, treeDirs: string[] | null = null; round < rounds; round++) {
    const targets = terragruntReads([...base, ...head]).flatMap((t) => (t.within ? [t.within] : []));
    if (!targets.length) break;
    treeDirs ??= [...new Set([...(await trees.terraformDirs(baseSha)), ...(await trees.terraformDirs(headSha))])];
    const more = treeDirs.filter((d) => !seen.has(d) && targets.some((t) => t.test(d)));
    if (!more.length) break;
    await read(more);
  }
  // Any touched directory with inputs may be a module some other directory calls, whatever
  // else it holds (a backend, tfvars, defaults: a PR may add them), and whatever calls were
  // read already: it is reviewed through every caller, with their arguments. So is one under
  // `.terraform/`, which is never a root, and one out of scope of `paths` / `ignore_paths`,
  // which is reviewed only as what in-scope callers call.
  const inDir = (files: SourceFile[], d: string) => files.filter((f) => dirOf(f.path) === d);
  const inputs = [
    ...dirs.map((d) => callerReviewAnchor(d, [...inDir(head, d), ...inDir(base, d)], !bounds.inScope(d))).filter((i) => i !== null),
    ...gitlinks.map((d) => ({ file: `${d}/.git`, line: 1 })),
  ];
  if (!inputs.length) return readFiles(base, head, seen, limits);
  const modules = inputs.map((i) => dirOf(i.file));
  // the directories not read yet, in scope; those the PR adds are touched, so read already
  const all = (await trees.terraformDirs(headSha)).filter((d) => !seen.has(d) && bounds.inScope(d));
  const candidates = all.slice(0, bounds.maxCallerDirs);
  if (all.length > candidates.length)
    limits.push({
      limit: 'max_caller_dirs',
      reason: `The callers of ${modules.map((m) => `\`${m || '.'}\``).join(', ')} were searched in ${candidates.length} of ${all.length} directories`,
      file: inputs[0]!.file,
      line: inputs[0]!.line,
    });
  const files = await trees.read([baseSha, headSha], candidates);
  const both = [...files.get(baseSha)!, ...files.get(headSha)!];
  const callers = new Set<string>();
  for (let round = 0, called = modules; round < rounds && called.length; round++) {
    // a caller that is itself called passes on what its own callers give it
    const calls = (m: string) => called.some((c) => m === c || (gitlinks.includes(c) && m.startsWith(`${c}/`)));
    called = candidates.filter((d) => !callers.has(d) && calledModuleDirs(inDir(both, d)).some(calls));
    for (const d of called) callers.add(d);
  }
  // the callers' other local modules: their arguments may read those modules' outputs; the
  // directories listed above are read already
  const listed = async (shas: string[], wanted: string[]) => {
    const rest = wanted.filter((d) => !candidates.includes(d));
    const more = rest.length ? await trees.read(shas, rest) : null;
    return new Map(shas.map((sha) => [sha, [...files.get(sha)!.filter((f) => wanted.includes(dirOf(f.path))), ...(more?.get(sha) ?? [])]]));
  };
  await read([...callers].sort(), listed);
  return readFiles(base, head, seen, limits);
}

/**
 * What was read. A directory link that cannot be followed (trees.ts) stands where its files
 * would be, which matters only to a call: one no read file calls is left out, as Terraform never
 * reads it (the CLI's git reader gives it for called links only).
 */
function readFiles(base: SourceFile[], head: SourceFile[], seen: Set<string>, limits: LimitHit[]) {
  const called = new Set(calledModuleDirs([...base, ...head]));
  const kept = (files: SourceFile[]) => files.filter((f) => !(f.dirLink !== undefined && f.unreadable !== undefined && !called.has(f.dirLink)));
  return { base: kept(base), head: kept(head), allDirs: [...seen].sort(), limits };
}
