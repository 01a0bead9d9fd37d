// Git submodules (gitlinks: tree entries of type `commit`) read through the API: the commit each
// records at a revision and its url (GitHub's reading of that revision's `.gitmodules`), from
// the listing of the directory holding it; and the repository the url names, when it is one of
// this GitHub host. The url is the pull request author's text: another host's url is never
// taken for a repository here (`gitlab.com/acme/sg` is not `github.com/acme/sg`).
import { posix } from 'node:path';
import { dirOf } from '../engine/hcl/config-files.js';
import { readObjects } from './objects-query.js';
import { octokitOf } from './octokit.js';
import type { GitHubClient, RepoRef } from './types.js';

interface Entry {
  name: string;
  type: string;
  oid?: string;
  submodule?: { gitUrl?: string | null } | null;
}

/** The gitlink at each (sha, path): the commit it records and its url; null where the path is no submodule. */
export async function readGitlinks(
  client: GitHubClient,
  repo: RepoRef,
  wanted: { sha: string; path: string }[],
): Promise<({ commit: string; url: string | null } | null)[]> {
  const selection = '... on Tree { entries { name type oid submodule { gitUrl } } }';
  const requests = wanted.map((w, i) => ({ alias: `g${i}`, expression: `${w.sha}:${dirOf(w.path)}`, selection }));
  const answer = await readObjects<{ entries?: Entry[] }>(octokitOf(client), repo, requests);
  return wanted.map((w, i) => {
    const name = posix.basename(w.path);
    const e = answer[`g${i}`]?.entries?.find((x) => x.name === name && x.type === 'commit');
    return e?.oid ? { commit: e.oid, url: e.submodule?.gitUrl ?? null } : null;
  });
}

/** The host of the web interface of the API the client talks to (`api.github.com` → `github.com`). */
export function webHostOf(client: GitHubClient): string {
  const host = new URL(String(octokitOf(client).request.endpoint.DEFAULTS.baseUrl)).host.toLowerCase();
  return host === 'api.github.com' ? 'github.com' : host;
}

/**
 * The repository a submodule url names on `host`: https, ssh and scp forms, and a url relative
 * to the superproject's own repository (`../sg.git`, as git resolves it). Null for any other
 * host, or a path that is not `owner/repo`.
 */
export function submoduleRepository(url: string, superproject: RepoRef, host: string): RepoRef | null {
  let at: string;
  let path: string;
  if (url.startsWith('./') || url.startsWith('../')) {
    at = host;
    path = posix.join('/', superproject.owner, superproject.repo, url);
  } else {
    const scp = /^[\w.-]+@([^:/]+):(?!\/)(.*)$/.exec(url);
    if (scp) [at, path] = [scp[1]!, scp[2]!];
    else {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return null;
      }
      if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol)) return null;
      // an ssh url's port is not the web host's
      [at, path] = [parsed.protocol === 'ssh:' ? parsed.hostname : parsed.host, decodeURIComponent(parsed.pathname)];
    }
  }
  if (at.toLowerCase() !== host) return null;
  const m = /^\/?([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(path);
  return m && !['.', '..'].includes(m[1]!) && !['.', '..'].includes(m[2]!) ? { owner: m[1]!, repo: m[2]! } : null;
}
