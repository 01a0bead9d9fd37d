// Git submodules used as modules in a review through the API (`source = "./vendor/sg"`,
// vendor/sg a gitlink), as the CLI's git reader reads them (adapters/submodules.ts): a
// directory read at or below a submodule comes with the submodule's placeholder
// (`<path>/.git`, holding the commit it records: a bump changes it), and with the submodule's
// files at that commit when its url names a repository of this GitHub host that the
// installation can read and that is as visible as this one (module-visibility.ts), the same
// reach a `github.com/owner/repo?ref=<commit>` module source has. Anything else is not read, and
// says why (engine: unanalysed-module on a bumped call).
import type { ModuleBudget } from '../adapters/remote-modules.js';
import { gitlinkFile } from '../adapters/submodules.js';
import type { SourceFile } from '../engine/hcl/parse.js';
import type { Gitlink } from '../engine/modules/resolution.js';
import { githubModuleReader } from '../github/module-files.js';
import { readGitlinks, submoduleRepository, webHostOf } from '../github/submodules.js';
import type { TreeReader } from '../github/trees.js';
import type { GitHubClient, RepoRef } from '../github/types.js';
import type { ModuleReadGate } from './module-visibility.js';

/**
 * `trees`, reading the submodules at `paths` (the head's gitlinks) at each revision: their
 * placeholders, and their files where readable (one GraphQL listing query per read that reaches
 * a submodule, then the submodule's own directories).
 */
export function withSubmodules(
  trees: TreeReader,
  client: GitHubClient,
  repo: RepoRef,
  paths: string[],
  gate: ModuleReadGate,
  budget: ModuleBudget,
): TreeReader {
  if (!paths.length) return trees;
  const host = webHostOf(client);
  const readModule = githubModuleReader(client);
  const gitlinks = new Map<string, Promise<Gitlink | null>>();
  const counted = new Set<string>();
  const key = (sha: string, path: string) => `${sha}\0${path}`;
  /** The submodule's files in `dirs` (relative to it) at its commit, or why they cannot be read. */
  const filesOf = async (path: string, link: { commit: string; url: string | null }, dirs: string[]): Promise<SourceFile[] | string> => {
    const at = `a git submodule at commit ${link.commit.slice(0, 12)}${link.url ? ` (${link.url})` : ''}`;
    if (link.url === null) return `${at}, declared in no .gitmodules: not read`;
    const sub = submoduleRepository(link.url, repo, host);
    if (!sub) return `${at}, not a repository of ${host}: not read`;
    const refused = await gate(sub);
    if (refused) return `${at}, not read: ${refused}`;
    try {
      // a module of the review's modules: bounds (a later read below the same commit is the same module)
      const module = `${sub.owner}/${sub.repo}@${link.commit.slice(0, 12)}`;
      if (!counted.has(module)) budget.count();
      counted.add(module);
      const files = await readModule(sub, link.commit, dirs);
      budget.spend(
        module,
        files.reduce((n, f) => n + Buffer.byteLength(f.content), 0),
      );
      const inside = (p: string) => `${path}/${p}`;
      return files.map((f) => ({
        ...f,
        path: inside(f.path),
        ...(f.linkTo ? { linkTo: inside(f.linkTo) } : {}),
        ...(f.dirLink ? { dirLink: inside(f.dirLink) } : {}),
      }));
    } catch (e) {
      return `${at}, not read: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  return {
    ...trees,
    async read(shas, dirs, maxLinkHops) {
      const out = await trees.read(shas, dirs, maxLinkHops);
      const reached = paths.map((path) => ({ path, below: dirs.filter((d) => d === path || d.startsWith(`${path}/`)) })).filter((r) => r.below.length);
      const wanted = shas.flatMap((sha) => reached.filter((r) => !gitlinks.has(key(sha, r.path))).map((r) => ({ sha, path: r.path })));
      const answers = wanted.length ? readGitlinks(client, repo, wanted) : Promise.resolve([]);
      wanted.forEach((w, i) =>
        gitlinks.set(
          key(w.sha, w.path),
          answers.then((a) => (a[i] ? { ...a[i], unread: null } : null)),
        ),
      );
      for (const sha of shas)
        for (const { path, below } of reached) {
          const link = await gitlinks.get(key(sha, path))!;
          if (!link) continue;
          // a checkout of the head (`pr --local`) may hold the submodule's files already
          const read = out.get(sha)!.some((f) => f.path.startsWith(`${path}/`));
          const files = read
            ? []
            : await filesOf(
                path,
                link,
                below.map((d) => d.slice(path.length + 1)),
              );
          // read with no file there (a missing commit or directory): the call's module has none, which the engine reports
          if (typeof files === 'string') out.get(sha)!.push(gitlinkFile(path, { ...link, unread: files }));
          else out.get(sha)!.push(gitlinkFile(path, link), ...files);
        }
      return out;
    },
  };
}
