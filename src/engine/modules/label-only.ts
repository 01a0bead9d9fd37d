// Modules known to create no resource at all (naming/tagging "label" modules): a call to one
// opens nothing, so an unread call to one is not an `unanalysed-module` finding. Matched by
// module identity only (a registry address, or a GitHub repository at a release tag), never by
// a name a pull request can choose: a PR cannot publish under a registry namespace or push a
// tag to a repository it does not own, and a local path or any other source never matches.
// The list is the `label_only_modules` setting, read from the default branch.
import { parseSourceAddress } from './source-address.js';

/** cloudposse/terraform-null-label, published as `cloudposse/label/null`: only locals and outputs. */
export const LABEL_ONLY_MODULES: readonly string[] = ['cloudposse/label/null', 'github.com/cloudposse/terraform-null-label'];

/** A release tag (`0.25.0`, `tags/0.16.0`, `v1.2.3`): a branch, a commit or a pull-request ref is not one. */
const RELEASE_TAG = /^(?:tags\/)?v?\d{1,9}(?:\.\d{1,9})*$/;

/** `host/namespace/name/provider` of a registry module, or `github.com/owner/repo`, lowercased; null for any other source. */
export function moduleIdentity(source: string): string | null {
  const a = parseSourceAddress(source);
  if (a.kind === 'registry' && !a.subdir) return `${a.host}/${a.namespace}/${a.name}/${a.provider}`.toLowerCase();
  if (a.kind === 'github' && !a.subdir) return `github.com/${a.owner}/${a.repo}`.toLowerCase();
  return null;
}

/** Whether a call's source is one of the listed label-only modules (a GitHub one unpinned or at a release tag). */
export function isLabelOnly(source: string, listed: readonly string[]): boolean {
  const a = parseSourceAddress(source);
  if (a.kind === 'github' && a.ref !== null && !RELEASE_TAG.test(a.ref)) return false;
  const identity = moduleIdentity(source);
  return identity !== null && listed.some((l) => moduleIdentity(l) === identity);
}
