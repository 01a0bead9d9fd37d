// -var-file: the tfvars files a root is applied with besides terraform.tfvars and *.auto.tfvars
// (`terraform apply -var-file=envs/prod.tfvars`). Which root is applied with which file lives in
// CI, not in the repository's Terraform, so the configuration's `var_files` says it: a root
// directory glob to the files, relative to that root, in the order given to Terraform. Such a
// file is read at both revisions like a file() read (data-files.ts) and its values flow as
// tfvars after the automatic ones. A changed var file no configured root is applied with is
// reported (unresolved-value, high): the review cannot say which root it changes.
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { dirOf, isConfigFile } from '../hcl/config-files.js';
import { escapePattern, type FileRead } from '../hcl/file-reads.js';
import type { SourceFile } from '../hcl/parse.js';
import { repositoryPath } from './data-files.js';
import { isTfvars } from './tfvars.js';

/** `var_files`: root directory glob (`.` the repository's top) → var files relative to the root. */
export type VarFilesSetting = Readonly<Record<string, readonly string[]>>;

// as paths / ignore_paths: dot files too, and names holding line breaks
const GLOB = { dot: true, flags: 's' };

/** A tfvars file Terraform loads only when told to (`-var-file`): not terraform.tfvars nor *.auto.tfvars. */
export function isVarFile(path: string): boolean {
  return /\.tfvars(\.json)?$/.test(path) && !isTfvars(posix.basename(path));
}

/** The repository paths of the var files the root in `dir` is applied with, in order (those leaving the repository are left out). */
export function varFilesOf(setting: VarFilesSetting, dir: string): string[] {
  const out: string[] = [];
  for (const [glob, files] of Object.entries(setting)) {
    if (!picomatch.isMatch(dir || '.', glob, GLOB)) continue;
    for (const written of files) {
      const path = repositoryPath(dir, written);
      if (path !== null && !out.includes(path)) out.push(path);
    }
  }
  return out;
}

/**
 * The var files each Terraform directory of `files` may be applied with, as reads (file-reads.ts):
 * those configured for it, and, for the finding on an unconfigured one (`unconfigured`: a var
 * file changed), every var file in or under it (a change to one touches the directory).
 */
export function varFileReads(files: SourceFile[], setting: VarFilesSetting, unconfigured = true): FileRead[] {
  const dirs = [...new Set(files.filter((f) => isConfigFile(f.path)).map((f) => dirOf(f.path)))];
  return dirs.flatMap((dir) => {
    const configured = varFilesOf(setting, dir).map(escapePattern);
    const under = unconfigured ? [`${dir ? `${escapePattern(dir)}/` : ''}.*\\.tfvars(?:\\.json)?`] : [];
    if (!configured.length && !under.length) return [];
    const pattern = new RegExp(`^(?:${[...configured, ...under].join('|')})$`, 's');
    return [{ dir, reads: pattern, touches: pattern }];
  });
}
