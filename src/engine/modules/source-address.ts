// Module source addresses (Terraform's `source` argument), read into what the review can
// follow: a local path, a registry module, or a GitHub repository at a ref. Anything else
// (S3, GCS, Mercurial, archives, other Git hosts) is named so the review can say why it was
// not read.
import { posix } from 'node:path';

export type SourceAddress =
  | { kind: 'local'; path: string }
  | { kind: 'registry'; host: string; namespace: string; name: string; provider: string; subdir: string }
  | { kind: 'github'; owner: string; repo: string; ref: string | null; subdir: string }
  | { kind: 'other'; reason: string };

export const DEFAULT_REGISTRY = 'registry.terraform.io';

const PART = /^[0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}[0-9A-Za-z])?$/;
const PROVIDER = /^[0-9a-z]{1,64}$/;
const HOST = /^(?:[0-9A-Za-z-]+\.)+[0-9A-Za-z-]+(?::\d+)?$|^localhost(?::\d+)?$/;
// Terraform refuses these as registry hosts: they are read as Git sources
const NOT_REGISTRIES = new Set(['github.com', 'bitbucket.org']);

// Terraform's local-path prefixes: backslashes are allowed and read as slashes on every platform
const LOCAL_PREFIXES = ['./', '../', '.\\', '..\\'];

/** A local path source as Terraform reads it (`.\modules\sg` is `./modules/sg`), or null for any other source. */
export function localSourcePath(source: string): string | null {
  return LOCAL_PREFIXES.some((p) => source.startsWith(p)) ? source.replaceAll('\\', '/') : null;
}

export function parseSourceAddress(source: string): SourceAddress {
  const text = source.trim();
  const local = localSourcePath(text);
  if (local !== null) return { kind: 'local', path: local };
  const { base, query } = splitQuery(text);
  const github = parseGithub(base, query);
  if (github) return github;
  if (!/^[A-Za-z0-9]+::/.test(base) && !base.includes('://') && !query) {
    const registry = parseRegistry(base);
    if (registry) return registry;
  }
  const forced = /^([A-Za-z0-9]+)::/.exec(base)?.[1];
  if (forced) return { kind: 'other', reason: `${forced}:: sources are not read (only local, registry and GitHub sources are)` };
  if (/^[a-z]+:\/\//.test(base) || base.startsWith('git@')) return { kind: 'other', reason: 'only GitHub repositories are read among remote sources' };
  return { kind: 'other', reason: 'not a local path, registry address or GitHub source' };
}

/** The text a registry module is known by: `host/ns/name/provider` (host omitted for the public registry). */
export function registryName(a: { host: string; namespace: string; name: string; provider: string }): string {
  const path = `${a.namespace}/${a.name}/${a.provider}`;
  return a.host === DEFAULT_REGISTRY ? path : `${a.host}/${path}`;
}

/**
 * Whether two source addresses name the same module as Terraform compares them (its manifest
 * keeps the normalised form: `registry.terraform.io/ns/name/provider` for `ns/name/provider`,
 * `git::https://github.com/o/r.git` for `github.com/o/r`, `./a` for `./a/`).
 */
export function sameSource(a: string, b: string): boolean {
  const [x, y] = [parseSourceAddress(a), parseSourceAddress(b)];
  if (x.kind === 'local' && y.kind === 'local') return posix.normalize(x.path).replace(/\/+$/, '') === posix.normalize(y.path).replace(/\/+$/, '');
  if (x.kind === 'registry' && y.kind === 'registry') return registryName(x).toLowerCase() === registryName(y).toLowerCase() && x.subdir === y.subdir;
  if (x.kind === 'github' && y.kind === 'github')
    return `${x.owner}/${x.repo}`.toLowerCase() === `${y.owner}/${y.repo}`.toLowerCase() && x.ref === y.ref && x.subdir === y.subdir;
  return a.trim() === b.trim();
}

function splitQuery(text: string): { base: string; query: URLSearchParams | null } {
  const q = text.indexOf('?');
  if (q < 0) return { base: text, query: null };
  // go-getter allows the subdirectory after the query too (`?ref=v1//sub`)
  let rest = text.slice(q + 1);
  let sub = '';
  const slashes = rest.indexOf('//');
  if (slashes >= 0) {
    sub = rest.slice(slashes);
    rest = rest.slice(0, slashes);
  }
  return { base: text.slice(0, q) + sub, query: new URLSearchParams(rest) };
}

/** Splits `x//sub/dir` into `x` and `sub/dir`, leaving the `//` of a URL scheme alone. */
function splitSubdir(base: string): { path: string; subdir: string } {
  const scheme = /^(?:[A-Za-z0-9]+::)?[a-z+]+:\/\//.exec(base)?.[0].length ?? 0;
  const i = base.indexOf('//', scheme);
  if (i < 0) return { path: base, subdir: '' };
  return { path: base.slice(0, i), subdir: base.slice(i + 2).replace(/^\/+|\/+$/g, '') };
}

function parseGithub(base: string, query: URLSearchParams | null): SourceAddress | null {
  const { path, subdir } = splitSubdir(base);
  const patterns = [
    /^github\.com\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/,
    /^(?:git::)?https:\/\/github\.com\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/,
    /^(?:git::)?ssh:\/\/git@github\.com\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/,
    /^(?:git::)?git@github\.com:([^/]+)\/([^/]+?)(?:\.git)?\/?$/,
  ];
  for (const p of patterns) {
    const m = p.exec(path);
    if (m) return { kind: 'github', owner: m[1]!, repo: m[2]!, ref: query?.get('ref') || null, subdir };
  }
  return null;
}

function parseRegistry(base: string): SourceAddress | null {
  const { path, subdir } = splitSubdir(base);
  const parts = path.split('/');
  let host = DEFAULT_REGISTRY;
  if (parts.length === 4) {
    if (!HOST.test(parts[0]!) || NOT_REGISTRIES.has(parts[0]!.toLowerCase())) return null;
    host = parts.shift()!.toLowerCase();
  }
  if (parts.length !== 3) return null;
  const [namespace, name, provider] = parts as [string, string, string];
  if (!PART.test(namespace) || !PART.test(name) || !PROVIDER.test(provider)) return null;
  return { kind: 'registry', host, namespace, name, provider, subdir };
}
