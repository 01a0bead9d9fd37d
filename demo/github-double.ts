// A GitHub API double: the endpoints sg-review uses, served from an in-memory repository.
// The demo serves it on 127.0.0.1; the end-to-end tests plug it into nock. It records every
// request, validates review-comment anchors against the diff as GitHub does (422), and can
// inject failures.
import { createPatch } from 'diff';
import { patchHunks } from '../src/publish/anchors.js';
import { blobId } from '../src/engine/hcl/text.js';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  headers?: Record<string, string | string[] | undefined>;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface PullState {
  number: number;
  head: string;
  base: string;
  mergeBase: string;
  state?: string;
  /** The author's login (default "author"). */
  author?: string;
}

/** A pull request (issue) comment as the API lists it. */
export interface IssueComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
  performed_via_github_app: { id: number; slug: string } | null;
  created_at: string;
  updated_at: string;
}

export interface DoubleOptions {
  owner: string;
  repo: string;
  defaultBranch?: string;
  /** Files at each commit SHA. */
  commits: Record<string, Record<string, string>>;
  /** Symbolic links at each commit SHA: path → target (a blob of mode 120000 holding the target's path). */
  links?: Record<string, Record<string, string>>;
  /** Git submodules (gitlinks, mode 160000) at each commit SHA: path → the commit recorded; their
   * URLs are those `.gitmodules` of that commit gives. */
  gitlinks?: Record<string, Record<string, string>>;
  /** Commit SHAs whose recursive tree listing GitHub cut (over 100,000 entries): `truncated: true`. */
  truncatedTrees?: string[];
  pulls: PullState[];
  /** `.github/sg-review.yml` on the default branch, if any. */
  config?: string;
  permissions?: Record<string, string>;
  /** Organisation teams by "org/slug": their members' logins. */
  teams?: Record<string, string[]>;
  /** False: the installation lacks "Members: read", team memberships answer 403. */
  membersReadable?: boolean;
  /** Other repositories (module sources) by "owner/repo": files at each ref; absent = private. */
  repositories?: Record<string, Record<string, Record<string, string>>>;
  /** Visibility by "owner/repo" (this repository's too); unset: public. */
  visibility?: Record<string, 'public' | 'internal' | 'private'>;
  /** Return a reply to make a request fail (5xx, 403 rate limit …). */
  fail?: (req: RecordedRequest) => Reply | null;
}

export class GitHubDouble {
  readonly requests: RecordedRequest[] = [];
  readonly checkRuns = new Map<number, Record<string, unknown> & { annotations: unknown[] }>();
  readonly reviews: { pull: number; body: Record<string, unknown> }[] = [];
  readonly reviewComments: { id: number; pull: number; path: string; line: number; body: string; user: { login: string; type: string } }[] = [];
  /** Comments on pull requests: the app's own (POST), or others a test adds. */
  readonly issueComments: IssueComment[] = [];
  readonly reactions: { comment: number; content: string }[] = [];
  readonly resolvedThreads: string[] = [];
  #nextId = 1000;
  #nextCheckRun = 100;

  constructor(readonly options: DoubleOptions) {}

  get prefix(): string {
    return `/repos/${this.options.owner}/${this.options.repo}`;
  }

  /** Changed files of a pull request, with patches, as `pulls.listFiles` returns them. */
  pullFiles(pull: PullState) {
    // a submodule's diff is its commit line, as GitHub shows it
    const subprojects = (sha: string) =>
      Object.fromEntries(Object.entries(this.options.gitlinks?.[sha] ?? {}).map(([p, c]) => [p, `Subproject commit ${c}\n`]));
    const base = { ...this.blobsAt(pull.mergeBase), ...subprojects(pull.mergeBase) };
    const head = { ...this.blobsAt(pull.head), ...subprojects(pull.head) };
    const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
    return paths
      .filter((p) => base[p] !== head[p])
      .map((p) => ({
        sha: 'f'.repeat(40),
        filename: p,
        status: base[p] === undefined ? 'added' : head[p] === undefined ? 'removed' : 'modified',
        additions: 1,
        deletions: 0,
        changes: 1,
        patch: createPatch(p, base[p] ?? '', head[p] ?? '', '', '', { context: 3 })
          .split('\n')
          .slice(4)
          .join('\n'),
      }));
  }

  /** Every blob at a commit: files, and links with their target as text (as git stores them). */
  blobsAt(sha: string): Record<string, string> {
    return { ...this.options.commits[sha], ...this.options.links?.[sha] };
  }

  handle(method: string, url: string, body: unknown, headers?: RecordedRequest['headers']): Reply {
    const u = new URL(url, 'http://x');
    // GitHub Enterprise Server serves REST under /api/v3 and GraphQL at /api/graphql
    const path = u.pathname.replace(/^\/api\/v3/, '').replace(/^\/api\/graphql$/, '/graphql');
    const req: RecordedRequest = { method, path: path + u.search, body, ...(headers ? { headers } : {}) };
    this.requests.push(req);
    const failure = this.options.fail?.(req);
    if (failure) return failure;
    const p = this.prefix;
    let m: RegExpExecArray | null;
    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return { status: 201, body: { token: 'ghs_test', expires_at: new Date(Date.now() + 3600e3).toISOString(), permissions: {} } };
    }
    if (method === 'POST' && path === `${p}/check-runs`) {
      const id = this.#nextCheckRun++;
      this.checkRuns.set(id, { ...(body as object), id, app: { id: 1, slug: 'sg-review' }, annotations: [] });
      return { status: 201, body: { id } };
    }
    if (method === 'PATCH' && (m = new RegExp(`^${p}/check-runs/(\\d+)$`).exec(path))) {
      const run = this.checkRuns.get(Number(m[1]));
      if (!run) return { status: 404, body: { message: 'Not Found' } };
      const update = body as { output?: { annotations?: unknown[] } };
      run.annotations.push(...(update.output?.annotations ?? []));
      // as GitHub does: a conclusion completes the run
      Object.assign(run, update, 'conclusion' in update ? { status: 'completed' } : {});
      return { status: 200, body: { id: run['id'] } };
    }
    if (method === 'GET' && (m = new RegExp(`^${p}/commits/([^/]+)/check-runs$`).exec(path))) {
      const status = u.searchParams.get('status');
      const runs = [...this.checkRuns.values()].filter(
        (r) => r['head_sha'] === m![1] && r['name'] === u.searchParams.get('check_name') && (!status || r['status'] === status),
      );
      return { status: 200, body: { total_count: runs.length, check_runs: runs.reverse() } };
    }
    if (method === 'GET' && (m = new RegExp(`^${p}/contents/(.+)$`).exec(path))) {
      const file = decodeURIComponent(m[1]!);
      if (
        file === '.github/sg-review.yml' &&
        this.options.config !== undefined &&
        (u.searchParams.get('ref') ?? 'main') === (this.options.defaultBranch ?? 'main')
      ) {
        return { status: 200, body: { type: 'file', path: file, encoding: 'base64', content: Buffer.from(this.options.config).toString('base64') } };
      }
      // a file at a commit (a pull request's proposed configuration)
      const atCommit = this.options.commits[u.searchParams.get('ref') ?? '']?.[file];
      if (atCommit !== undefined)
        return { status: 200, body: { type: 'file', path: file, encoding: 'base64', content: Buffer.from(atCommit).toString('base64') } };
      return { status: 404, body: { message: 'Not Found' } };
    }
    if (method === 'GET' && (m = new RegExp(`^${p}/git/trees/([^/]+)$`).exec(path))) {
      // a recursive listing: every blob with its mode (100644 file, 120000 link) and the trees above them
      const links = this.options.links?.[m[1]!] ?? {};
      const blobs = this.blobsAt(m[1]!);
      const paths = Object.keys(blobs).sort();
      const dirs = new Set(
        paths.flatMap((f) =>
          f
            .split('/')
            .slice(0, -1)
            .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
        ),
      );
      const gitlinks = this.options.gitlinks?.[m[1]!] ?? {};
      for (const g of Object.keys(gitlinks))
        g.split('/')
          .slice(0, -1)
          .forEach((_, i, parts) => dirs.add(parts.slice(0, i + 1).join('/')));
      const tree = [
        ...[...dirs].map((d) => ({ path: d, mode: '040000', type: 'tree', sha: 'c'.repeat(40) })),
        ...paths.map((f) => ({ path: f, mode: f in links ? '120000' : '100644', type: 'blob', sha: 'b'.repeat(40), size: Buffer.byteLength(blobs[f]!) })),
        ...Object.entries(gitlinks).map(([path, commit]) => ({ path, mode: '160000', type: 'commit', sha: commit })),
      ];
      return { status: 200, body: { sha: m[1], tree, truncated: this.options.truncatedTrees?.includes(m[1]!) ?? false } };
    }
    if (method === 'GET' && (m = new RegExp(`^${p}/pulls/(\\d+)/files$`).exec(path))) {
      const pull = this.pull(Number(m[1]));
      if (!pull) return { status: 404, body: { message: 'Not Found' } };
      return this.page(this.pullFiles(pull), u, path);
    }
    if (method === 'GET' && (m = new RegExp(`^${p}/compare/([^.]+)\\.\\.\\.(.+)$`).exec(path))) {
      const pull = this.options.pulls.find((x) => x.head === m![2]) ?? { number: 0, head: m[2]!, base: m[1]!, mergeBase: m[1]! };
      // like GitHub: at most 300 files for the whole comparison
      return { status: 200, body: { merge_base_commit: { sha: pull.mergeBase }, files: this.pullFiles(pull).slice(0, 300) } };
    }
    if (method === 'GET' && (m = new RegExp(`^${p}/pulls/(\\d+)/comments$`).exec(path))) {
      const pull = Number(m[1]);
      return this.page(
        this.reviewComments.filter((c) => c.pull === pull),
        u,
        path,
      );
    }
    if (method === 'POST' && (m = new RegExp(`^${p}/pulls/(\\d+)/reviews$`).exec(path))) {
      return this.createReview(Number(m[1]), body as { comments?: { path: string; line: number; start_line?: number; body: string }[] });
    }
    if (method === 'GET' && path === `${p}/pulls`) {
      const open = this.options.pulls.filter((x) => (x.state ?? 'open') === (u.searchParams.get('state') ?? 'open'));
      return { status: 200, body: open.map((x) => ({ number: x.number, state: x.state ?? 'open', head: { sha: x.head }, base: { sha: x.base } })) };
    }
    if (method === 'GET' && (m = new RegExp(`^${p}/pulls/(\\d+)$`).exec(path))) {
      const pull = this.pull(Number(m[1]));
      if (!pull) return { status: 404, body: { message: 'Not Found' } };
      return {
        status: 200,
        body: {
          number: pull.number,
          state: pull.state ?? 'open',
          changed_files: this.pullFiles(pull).length,
          user: { login: pull.author ?? 'author', type: 'User' },
          head: { sha: pull.head },
          base: { sha: pull.base, repo: { default_branch: this.options.defaultBranch ?? 'main' } },
        },
      };
    }
    if (method === 'GET' && (m = new RegExp(`^${p}/collaborators/([^/]+)/permission$`).exec(path))) {
      const permission = this.options.permissions?.[m[1]!] ?? 'none';
      return { status: 200, body: { permission: permission === 'maintain' ? 'write' : permission, role_name: permission } };
    }
    if (method === 'GET' && (m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(path))) {
      if (this.options.membersReadable === false) return { status: 403, body: { message: 'Resource not accessible by integration' } };
      const members = this.options.teams?.[`${m[1]}/${m[2]}`];
      if (!members?.some((login) => login.toLowerCase() === m![3]!.toLowerCase())) return { status: 404, body: { message: 'Not Found' } };
      return { status: 200, body: { state: 'active', role: 'member' } };
    }
    if (method === 'POST' && (m = new RegExp(`^${p}/issues/comments/(\\d+)/reactions$`).exec(path))) {
      this.reactions.push({ comment: Number(m[1]), content: (body as { content: string }).content });
      return { status: 201, body: { id: this.#nextId++ } };
    }
    if (method === 'POST' && (m = new RegExp(`^${p}/issues/(\\d+)/comments$`).exec(path))) {
      // written with the installation token: the app's bot user, performed via app 1
      const now = new Date().toISOString();
      const comment: IssueComment = {
        id: this.#nextId++,
        issue: Number(m[1]),
        body: (body as { body: string }).body,
        user: { login: 'sg-review[bot]', type: 'Bot' },
        performed_via_github_app: { id: 1, slug: 'sg-review' },
        created_at: now,
        updated_at: now,
      };
      this.issueComments.push(comment);
      return { status: 201, body: comment };
    }
    if (method === 'GET' && (m = new RegExp(`^${p}/issues/(\\d+)/comments$`).exec(path))) {
      const issue = Number(m[1]);
      return this.page(
        this.issueComments.filter((c) => c.issue === issue),
        u,
        path,
      );
    }
    if (method === 'POST' && path === '/graphql') return this.graphql(body as { query: string; variables?: Record<string, unknown> });
    return { status: 404, body: { message: `GitHub double: no route for ${method} ${path}` } };
  }

  /** A directory as a GraphQL Tree: entries with blob texts and nested trees; a submodule as a
   * `commit` entry with the commit's id and `submodule.gitUrl` from `.gitmodules`. */
  tree(files: Record<string, string>, dir: string, links: Record<string, string> = {}, gitlinks: Record<string, string> = {}): { entries: unknown[] } | null {
    const prefix = dir ? `${dir}/` : '';
    const names = new Map<string, { name: string; type: string; mode: number; object: unknown; oid?: string; submodule?: unknown }>();
    for (const [path, commit] of Object.entries(gitlinks)) {
      if (!path.startsWith(prefix)) continue;
      const [first, ...more] = path.slice(prefix.length).split('/');
      if (more.length) names.set(first!, { name: first!, type: 'tree', mode: 0o40000, object: this.tree(files, prefix + first!, links, gitlinks) });
      else
        names.set(first!, {
          name: first!,
          type: 'commit',
          mode: 0o160000,
          object: null,
          oid: commit,
          submodule: { gitUrl: submoduleUrl(files['.gitmodules'] ?? '', path) },
        });
    }
    for (const [path, text] of [...Object.entries(files), ...Object.entries(links)]) {
      if (!path.startsWith(prefix)) continue;
      const rel = path.slice(prefix.length);
      const [first, ...more] = rel.split('/');
      // GraphQL's TreeEntry.mode is git's mode in decimal: 040000 tree, 100644 file, 120000 link
      if (more.length) names.set(first!, { name: first!, type: 'tree', mode: 0o40000, object: this.tree(files, prefix + first!, links, gitlinks) });
      else names.set(rel, { name: rel, type: 'blob', mode: path in links ? 0o120000 : 0o100644, object: blobObject(text) });
    }
    return names.size ? { entries: [...names.values()] } : null;
  }

  pull(n: number): PullState | undefined {
    return this.options.pulls.find((x) => x.number === n);
  }

  page<T>(items: T[], u: URL, path: string): Reply {
    const perPage = Number(u.searchParams.get('per_page') ?? 30);
    const page = Number(u.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last)
      headers['link'] =
        `<https://api.github.com${path}?per_page=${perPage}&page=${page + 1}>; rel="next", <https://api.github.com${path}?per_page=${perPage}&page=${last}>; rel="last"`;
    return { status: 200, body: slice, headers };
  }

  createReview(pullNumber: number, body: { comments?: { path: string; line: number; start_line?: number; body: string }[] }): Reply {
    const pull = this.pull(pullNumber);
    if (!pull) return { status: 404, body: { message: 'Not Found' } };
    const files = new Map(this.pullFiles(pull).map((f) => [f.filename, patchHunks(f.patch)]));
    for (const c of body.comments ?? []) {
      const hunks = files.get(c.path) ?? [];
      const inHunk = (line: number) => hunks.some(([a, b]) => a <= line && line <= b);
      if (!inHunk(c.line) || (c.start_line !== undefined && !hunks.some(([a, b]) => a <= c.start_line! && c.line <= b))) {
        return { status: 422, body: { message: 'Unprocessable Entity', errors: ['Pull request review thread line must be part of the diff'] } };
      }
    }
    this.reviews.push({ pull: pullNumber, body: body as Record<string, unknown> });
    for (const c of body.comments ?? [])
      this.reviewComments.push({
        id: this.#nextId++,
        pull: pullNumber,
        path: c.path,
        line: c.line,
        body: c.body,
        user: { login: 'sg-review[bot]', type: 'Bot' },
      });
    return { status: 200, body: { id: this.#nextId++ } };
  }

  graphql(body: { query: string; variables?: Record<string, unknown> }): Reply {
    const q = body.query;
    if (q.includes('reviewThreads')) {
      // GitHub's connection paging: at most `first` threads after the cursor
      const all = this.reviewComments.map((c) => ({
        id: `thread-${c.id}`,
        isResolved: this.resolvedThreads.includes(`thread-${c.id}`),
        comments: { nodes: [{ databaseId: c.id }] },
      }));
      const first = Number(/reviewThreads\(first: (\d+)/.exec(q)?.[1] ?? 100);
      const after = body.variables?.['after'];
      const start = typeof after === 'string' ? Number(after) : 0;
      const nodes = all.slice(start, start + first);
      const pageInfo = { hasNextPage: start + first < all.length, endCursor: String(start + nodes.length) };
      return { status: 200, body: { data: { repository: { pullRequest: { reviewThreads: { nodes, pageInfo } } } } } };
    }
    if (q.includes('resolveReviewThread')) {
      const data: Record<string, unknown> = {};
      for (const m of q.matchAll(/(\w+): resolveReviewThread\(input: \{ threadId: "([^"]+)" \}\)/g)) {
        this.resolvedThreads.push(m[2]!);
        data[m[1]!] = { thread: { id: m[2] } };
      }
      return { status: 200, body: { data } };
    }
    const name = `${body.variables?.['owner']}/${body.variables?.['repo']}`;
    const own = name === `${this.options.owner}/${this.options.repo}`;
    const refs = own ? this.options.commits : this.options.repositories?.[name];
    if (!refs) {
      // what GitHub answers for a repository that does not exist or the token cannot see
      const message = `Could not resolve to a Repository with the name '${name}'.`;
      return { status: 200, body: { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message }] } };
    }
    if (/repository\([^)]*\) \{ visibility \}/.test(q))
      return { status: 200, body: { data: { repository: { visibility: (this.options.visibility?.[name] ?? 'public').toUpperCase() } } } };
    const repository: Record<string, unknown> = {};
    for (const m of q.matchAll(/(\w+): object\(expression: "([^"]+)"\)/g)) {
      const [sha, ...rest] = m[2]!.split(':');
      const files = refs[sha === 'HEAD' && !own ? 'main' : sha!];
      const links = own ? this.options.links?.[sha!] : {};
      const gitlinks = own ? this.options.gitlinks?.[sha!] : {};
      const blob = files?.[rest.join(':')] ?? links?.[rest.join(':')];
      // an expression naming a file is a Blob; a directory, a Tree; a submodule, nothing (its commit is not in this repository)
      repository[m[1]!] =
        blob !== undefined ? blobObject(blob) : files && !gitlinks?.[rest.join(':')] ? this.tree(files, rest.join(':'), links, gitlinks) : null;
    }
    return { status: 200, body: { data: { repository } } };
  }
}

/** A GraphQL Blob: GitHub gives no text for binary content (a NUL byte; a test's string is its
 * bytes in latin1), and its git id (`oid`) either way. */
function blobObject(text: string): { text: string | null; isTruncated: boolean; oid: string } {
  const binary = text.includes('\0');
  return { text: binary ? null : text, isTruncated: false, oid: binary ? blobId(Buffer.from(text, 'latin1')) : 'b'.repeat(40) };
}

/** The url `.gitmodules` gives the submodule at `path`, or null. */
function submoduleUrl(gitmodules: string, path: string): string | null {
  for (const section of gitmodules.split(/^\[submodule "[^"]*"\]$/m).slice(1)) {
    const value = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*(.+?)\\s*$`, 'm').exec(section)?.[1];
    if (value('path') === path) return value('url') ?? null;
  }
  return null;
}
