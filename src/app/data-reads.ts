// The files other than Terraform's that a reviewed configuration reads through `file()`,
// `templatefile()` or `fileexists()` (engine/hcl/file-reads.ts): read at both revisions for
// evaluation, and, when a change touches such a file, the directories whose configuration
// reads it are touched too (a PR that changes only `admin-cidrs.json` changes what its root opens).
import { isReadPath, dirsReading, fileReads, type FileRead } from '../engine/hcl/file-reads.js';
import { varFileReads, type VarFilesSetting } from '../engine/evaluate/var-files.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import { isTerraformFile } from '../engine/load.js';
import type { PullFile } from '../github/pull-files.js';
import type { TreeReader } from '../github/trees.js';
import type { LimitHit } from '../engine/evaluate/limits.js';

/**
 * What the configuration in `files` reads: its file() reads and its var files (`var_files`,
 * var-files.ts); every var file under it only when `changedVarFile` (no read otherwise).
 */
export function configurationReads(files: SourceFile[], varFiles: VarFilesSetting, changedVarFile = true): FileRead[] {
  return [...fileReads(files), ...varFileReads(files, varFiles, changedVarFile)];
}

/** The data files the configuration in `files` reads, at `sha`. */
export async function readDataFiles(
  trees: TreeReader,
  sha: string,
  files: SourceFile[],
  settings: { maxBytes: number; varFiles: VarFilesSetting; changedVarFile?: boolean },
  notes: string[],
): Promise<SourceFile[]> {
  const reads = configurationReads(files, settings.varFiles, settings.changedVarFile ?? true);
  if (!reads.length) return [];
  if (!trees.dataFiles) {
    notes.push('The files the configuration reads through file() or templatefile() could not be read here: the values read from them are unresolved.');
    return [];
  }
  const read = await trees.dataFiles(sha, (p) => isReadPath(reads, p), settings.maxBytes);
  if (read.truncated) notes.push("GitHub cut the listing of the repository's tree: a file the configuration reads through file() may not have been read.");
  return read.files;
}

/** The directories reading changed data files, the files a Terragrunt unit includes among the readers, and the bound hit while searching. */
export interface DataReaders {
  dirs: string[];
  included: string[];
  limits: LimitHit[];
}

/**
 * The directories whose configuration reads a changed file that is not Terraform's, found among
 * the Terraform directories at the head (at most `maxDirs`, `max_caller_dirs`: a hit is an
 * analysis-limit), with the reading files that a Terragrunt unit may include (the units that
 * include them are read too).
 */
export async function dataReadingDirectories(
  trees: TreeReader,
  headSha: string,
  changed: PullFile[],
  maxDirs: number,
  varFiles: VarFilesSetting,
): Promise<DataReaders> {
  const paths = [...new Set(changed.flatMap((f) => [f.filename, f.previousFilename ?? f.filename]))].filter((p) => !isTerraformFile(p));
  if (!paths.length) return { dirs: [], included: [], limits: [] };
  const all = await trees.terraformDirs(headSha);
  const limits: LimitHit[] =
    all.length > maxDirs
      ? [
          {
            limit: 'max_caller_dirs',
            reason: `The readers of the changed files that are not Terraform's (${paths.map((p) => `\`${p}\``).join(', ')}) were searched in ${maxDirs} of ${all.length} directories`,
            file: null,
            line: 1,
          },
        ]
      : [];
  const files = (await trees.read([headSha], all.slice(0, maxDirs))).get(headSha) ?? [];
  const reads = configurationReads(files, varFiles);
  const includable = files.filter((f) => f.path.endsWith('.hcl') && !/(^|\/)terragrunt\.hcl$/.test(f.path));
  const included = includable.filter((f) => dirsReading(fileReads([f]), paths).length).map((f) => f.path);
  return { dirs: dirsReading(reads, paths), included, limits };
}
