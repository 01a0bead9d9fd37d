// A committed `.terraform/modules/modules.json` in the App, read as the CLI's directory reader
// reads it (test/cli/init-cache.test.ts): a call is loaded from its record's directory, and a
// pull request that changes only the manifest reviews the root it belongs to.
import { afterEach, describe, expect, it } from 'vitest';
import { committedInitCache } from '../helpers/committed-init-cache.js';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { BASE, HEAD, TIP, examplePull, unpostedReviewRequests } from './fixtures.js';

afterEach(cleanup);

describe('a committed init cache in a pull request', () => {
  it('a PR that only points the manifest at a copy opening SSH to the world fails', async () => {
    const h = harness({
      commits: { [BASE]: committedInitCache('live', 'web_sg'), [HEAD]: committedInitCache('live', 'web_sg_open') },
      pulls: [examplePull],
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.pullFiles(examplePull).map((f) => f.filename)).toEqual(['live/.terraform/modules/modules.json']);
    const run = h.github.checkRuns.get(100)!;
    const { title, summary } = run['output'] as { title: string; summary: string };
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(title).toBe('sg-review: 2 critical');
    expect(summary).toContain('SSH (22/tcp) opened to the internet on module.web_sg.aws_security_group.this');
    // module code outside the repository's own files: on the call, the module's rule related
    expect(run.annotations).toContainEqual(expect.objectContaining({ path: 'live/main.tf', start_line: 1, annotation_level: 'failure' }));
    expect(summary).toContain('the rule that opens, in module `github.com/acme/sg-module?ref=v1`: `live/.terraform/modules/web_sg_open/main.tf:5-13`');
    expect(summary).toContain('| `module.web_sg` | `github.com/acme/sg-module?ref=v1` | — | init cache |');
    // the Terraform directories (a changed file that is not Terraform's may be read by one); the
    // root at both revisions; the head's manifest, then the directory its record names; the
    // base's tree listing, its manifest and directory; who can see this repository (public) and
    // the module's (no such repository here: not read, the call is loaded from the cache)
    const [open, runs, config, files, tree, compare, comments, conclude] = unpostedReviewRequests(0, 0);
    const graphql = 'POST /graphql';
    expect(h.calls()).toEqual([
      open,
      runs,
      config,
      files,
      tree,
      graphql,
      compare,
      graphql,
      graphql,
      graphql,
      `GET /repos/acme/infra/git/trees/${BASE}`,
      graphql,
      graphql,
      graphql,
      graphql,
      comments,
      conclude,
    ]);
  });

  it('an unchanged manifest decides what a changed call loads', async () => {
    const files = committedInitCache('', 'web_sg_open');
    const h = harness({ commits: { [BASE]: { ...files, 'main.tf': '' }, [HEAD]: files }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const { title } = h.github.checkRuns.get(100)!['output'] as { title: string };
    expect(title).toBe('sg-review: 1 critical, 1 info');
  });
});
