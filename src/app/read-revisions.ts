// Step 5 of a review: the touched directories at both revisions, the local modules they call
// (a few rounds deep), the Terragrunt units below a changed included file and the directories
// above units, and the callers of a changed module that nothing read so far calls.
import type { SourceFile } from '../engine/hcl/parse.js';
import type { TreeReader } from '../github/trees.js';
import { dirOf } from '../engine/hcl/config-files.js';
import { calledModuleDirs, isBelow, isModuleLike, unitAncestors } from './scope.js';

const MODULE_ROUNDS = 4;
/** How many directories the search for callers of a changed module reads at most. */
const MAX_CALLER_DIRS = 200;

/** Reads the touched directories at both revisions, the local modules they call, and, when a
 * touched directory is a module that nothing read so far calls, the directories that call it. */
export async function readBothRevisions(trees: TreeReader, baseSha: string, headSha: string, dirs: string[], included: string[], notes: string[]) {
  const base: SourceFile[] = [];
  const head: SourceFile[] = [];
  const seen = new Set<string>();
  const read = async (pending: string[]) => {
    for (let round = 0; round < MODULE_ROUNDS && pending.length; round++) {
      for (const d of pending) seen.add(d);
      const files = await trees.read([baseSha, headSha], pending);
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
  const called = new Set([...calledModuleDirs(base), ...calledModuleDirs(head)]);
  const orphans = dirs.filter((d) => !called.has(d) && isModuleLike(head.filter((f) => dirOf(f.path) === d)));
  if (orphans.length) {
    // a changed module is reviewed through its callers, with their arguments
    const candidates = (await trees.terraformDirs(headSha)).filter((d) => !seen.has(d)).slice(0, MAX_CALLER_DIRS);
    const files = await trees.read([baseSha, headSha], candidates);
    const callers = candidates.filter((d) => {
      const inDir = [...files.get(baseSha)!, ...files.get(headSha)!].filter((f) => dirOf(f.path) === d);
      return calledModuleDirs(inDir).some((m) => orphans.includes(m));
    });
    for (const d of callers) seen.add(d);
    base.push(...files.get(baseSha)!.filter((f) => callers.includes(dirOf(f.path))));
    head.push(...files.get(headSha)!.filter((f) => callers.includes(dirOf(f.path))));
  }
  return { base, head, allDirs: [...seen].sort() };
}
