// Step 5 of a review: the touched directories at both revisions, the local modules they call
// (a few rounds deep), the Terragrunt units below a changed included file and the directories
// above units, and the callers of a touched directory that declares inputs, with the local
// modules those callers call.
import type { SourceFile } from '../engine/hcl/parse.js';
import type { TreeReader } from '../github/trees.js';
import { dirOf } from '../engine/hcl/config-files.js';
import { calledModuleDirs, declaresInput, isBelow, unitAncestors } from './scope.js';

const MODULE_ROUNDS = 4;
/** How many directories the search for callers of a changed module reads at most. */
const MAX_CALLER_DIRS = 200;

/** Reads the touched directories at both revisions, the local modules they call, and, when a
 * touched directory declares inputs, the directories that call it (a few rounds up) with the
 * local modules they call. */
export async function readBothRevisions(trees: TreeReader, baseSha: string, headSha: string, dirs: string[], included: string[], notes: string[]) {
  const base: SourceFile[] = [];
  const head: SourceFile[] = [];
  const seen = new Set<string>();
  const read = async (pending: string[], from: TreeReader['read'] = trees.read) => {
    for (let round = 0; round < MODULE_ROUNDS && pending.length; round++) {
      for (const d of pending) seen.add(d);
      const files = await from([baseSha, headSha], pending);
      const b = files.get(baseSha)!;
      const h = files.get(headSha)!;
      base.push(...b);
      head.push(...h);
      pending = [...new Set([...calledModuleDirs(b), ...calledModuleDirs(h)])].filter((d) => !seen.has(d)).sort();
    }
  };
  await read(dirs);
  if (included.length) {
    // a changed file Terragrunt units may include: every unit below it is reviewed again
    const below = (await trees.terraformDirs(headSha)).filter((d) => !seen.has(d) && isBelow(d, included));
    if (below.length > MAX_CALLER_DIRS)
      notes.push(`${below.length} directories lie below the changed Terragrunt files; the first ${MAX_CALLER_DIRS} were reviewed.`);
    await read(below.slice(0, MAX_CALLER_DIRS));
  }
  // what the units include lives in the directories above them
  await read(unitAncestors([...base, ...head]).filter((d) => !seen.has(d)));
  // Any touched directory with inputs may be a module some other directory calls, whatever
  // else it holds (a backend, tfvars, defaults: a PR may add them), and whatever calls were
  // read already: it is reviewed through every caller, with their arguments.
  const inDir = (files: SourceFile[], d: string) => files.filter((f) => dirOf(f.path) === d);
  const modules = dirs.filter((d) => declaresInput([...inDir(base, d), ...inDir(head, d)]));
  if (!modules.length) return { base, head, allDirs: [...seen].sort() };
  const candidates = (await trees.terraformDirs(headSha)).filter((d) => !seen.has(d)).slice(0, MAX_CALLER_DIRS);
  const files = await trees.read([baseSha, headSha], candidates);
  const both = [...files.get(baseSha)!, ...files.get(headSha)!];
  const callers = new Set<string>();
  for (let round = 0, called = modules; round < MODULE_ROUNDS && called.length; round++) {
    // a caller that is itself called passes on what its own callers give it
    called = candidates.filter((d) => !callers.has(d) && calledModuleDirs(inDir(both, d)).some((m) => called.includes(m)));
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
  return { base, head, allDirs: [...seen].sort() };
}
