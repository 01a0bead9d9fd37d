// Which files are configuration (Terraform's .tf / .tf.json, OpenTofu's .tofu / .tofu.json),
// and which of them OpenTofu ignores: `x.tofu` replaces `x.tf` and `x.tofu.json` replaces
// `x.tf.json` in the same directory (OpenTofu "Files and Directories", extension precedence;
// override files follow the same rule). Terraform never reads .tofu files. Which tool applies
// a repository is the configuration's `applied_with`; unset, both readings are reviewed
// (readings.ts).
import { posix } from 'node:path';

const CONFIG_EXTENSION = /\.(tf|tofu)(\.json)?$/;

/** The tool that applies a repository, so decides which of its files are read. */
export type AppliedWith = 'terraform' | 'opentofu';

/** The directory holding a file: '' for the top (paths are relative and '/'-separated). */
export function dirOf(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

/** Whether a path is a configuration file (hidden files are ignored, as Terraform's IsIgnoredFile does). */
export function isConfigFile(path: string): boolean {
  const name = posix.basename(path);
  return CONFIG_EXTENSION.test(name) && !name.startsWith('.');
}

/** The file name without its configuration extension: `a/main_override.tofu.json` → `main_override`. */
export function configStem(path: string): string {
  return posix.basename(path).replace(CONFIG_EXTENSION, '');
}

/** A file OpenTofu ignores, and the `.tofu` twin beside it that replaces it. */
export interface ShadowedFile {
  file: string;
  replacedBy: string;
}

/** Whether a path is an OpenTofu file (`.tofu`, `.tofu.json`), which Terraform never reads. */
export function isTofuFile(path: string): boolean {
  return isConfigFile(path) && /\.tofu(\.json)?$/.test(path);
}

/** A file the tool does not read: OpenTofu reads the `.tofu` twin `replacedBy` instead; Terraform
 * reads no `.tofu` file (`replacedBy` null). */
export interface IgnoredFile {
  file: string;
  replacedBy: string | null;
}

/** The files `tool` reads among `files`, and those it ignores. */
export function readBy<T extends { path: string }>(files: T[], tool: AppliedWith): { read: T[]; ignored: IgnoredFile[] } {
  if (tool === 'terraform')
    return {
      read: files.filter((f) => !isTofuFile(f.path)),
      ignored: files.filter((f) => isTofuFile(f.path)).map((f) => ({ file: f.path, replacedBy: null })),
    };
  return { read: withoutShadowedFiles(files), ignored: shadowedFiles(files.map((f) => f.path)) };
}

/** The `.tf` / `.tf.json` files among `paths` that a `.tofu` / `.tofu.json` twin replaces. */
export function shadowedFiles(paths: string[]): ShadowedFile[] {
  const all = new Set(paths);
  return paths.flatMap((file) => {
    const twin = file.replace(/\.tf(\.json)?$/, '.tofu$1');
    return twin !== file && all.has(twin) ? [{ file, replacedBy: twin }] : [];
  });
}

/** The files without those OpenTofu ignores because a `.tofu` twin exists beside them. */
export function withoutShadowedFiles<T extends { path: string }>(files: T[]): T[] {
  const shadowed = new Set(shadowedFiles(files.map((f) => f.path)).map((s) => s.file));
  return files.filter((f) => !shadowed.has(f.path));
}
