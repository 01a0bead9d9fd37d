// A symbolic link to a directory used as a module source (`modules/sg -> sg-v2`, a module
// linked into place): the App reads the target's files as the link's, as the CLI's git reader
// does (test/cli/read-bounds.test.ts), and a pull request that only retargets the link, or
// changes only its target, is reviewed through the directories that call it. A link out of the
// repository, in a cycle or to nothing is never followed: a parse error where its files would be.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { readsCidrs } from '../helpers/reads-cidrs.js';
import { BASE, HEAD, TIP, examplePull, reviewRequests } from './fixtures.js';

afterEach(cleanup);

const CALLER = 'module "sg" {\n  source = "../modules/sg"\n}\n';
const sshFrom = (cidr: string) => readsCidrs(`["${cidr}"]`);
const FILES = { 'live/main.tf': CALLER, 'modules/sg-v1/main.tf': sshFrom('10.0.0.0/8'), 'modules/sg-v2/main.tf': sshFrom('0.0.0.0/0') };

/** One review of PR #1 from `base` to `head` links (and files). */
async function review(links: { base: Record<string, string>; head: Record<string, string> }, files = { base: FILES, head: FILES }) {
  const h = harness({ commits: { [BASE]: files.base, [HEAD]: files.head }, links: { [BASE]: links.base, [HEAD]: links.head }, pulls: [examplePull] });
  await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
  const run = h.github.checkRuns.get(100)!;
  const { title, summary } = run['output'] as { title: string; summary: string };
  return { h, run, title, summary };
}

describe('directory links in a pull request', () => {
  it('a PR that only retargets a linked module directory is reviewed through its caller: SSH opened to the world', async () => {
    const { h, run, title, summary } = await review({ base: { 'modules/sg': 'sg-v1' }, head: { 'modules/sg': 'sg-v2' } });
    expect(h.github.pullFiles(examplePull).map((f) => f.filename)).toEqual(['modules/sg']);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(title).toBe('sg-review: 2 critical');
    expect(summary).toContain('SSH (22/tcp) opened to the internet on module.sg.aws_security_group.admin');
    expect(run.annotations).toContainEqual(expect.objectContaining({ path: 'modules/sg/main.tf', start_line: 5, annotation_level: 'failure' }));
    // the links' targets, in one query after the listing, and the Terraform directories (the
    // changed file may be one a configuration reads); then the link's directory at both
    // revisions, its parent's listing (the link's mode), the target's; then the callers of the
    // linked module among the other directories, all in one query
    const graphql = (n: number) => Array<string>(n).fill('POST /graphql');
    const [open, runs, config, files, tree, compare, , comments, post, conclude] = reviewRequests();
    expect(h.calls()).toEqual([open, runs, config, files, tree, ...graphql(2), compare, ...graphql(4), comments, post, conclude]);
    // the comments (new-ingress, new-internet-path) sit on the changed link's one line, with no suggestion (it would replace the link)
    const posted = h.github.reviewComments;
    expect(posted.map((c) => [c.path, c.line])).toEqual([
      ['modules/sg', 1],
      ['modules/sg', 1],
    ]);
    expect(posted[0]!.body).toContain('Found in `modules/sg/main.tf` (lines 5–5), a symbolic link to `modules/sg-v2/main.tf`.');
    expect(posted[0]!.body).not.toContain('```suggestion');
  });

  it('a PR that changes only the linked target is reviewed through the link', async () => {
    const link = { 'modules/sg': 'sg-v2' };
    const { run, title, summary } = await review(
      { base: link, head: link },
      { base: { ...FILES, 'modules/sg-v2/main.tf': sshFrom('10.0.0.0/8') }, head: FILES },
    );
    expect(run).toMatchObject({ conclusion: 'failure' });
    // as `diff --git` reviews it: the changed directory as a root of its own, and through the link
    expect(title).toBe('sg-review: 4 critical');
    expect(summary).toContain('SSH (22/tcp) opened to the internet on live:module.sg.aws_security_group.admin');
    expect(summary).toContain('SSH (22/tcp) opened to the internet on modules/sg-v2:aws_security_group.admin');
    expect(run.annotations).toContainEqual(expect.objectContaining({ path: 'modules/sg/main.tf', start_line: 5 }));
  });

  it.each([
    ['/etc', 'a symbolic link to an absolute path, not followed'],
    ['../../../etc', 'a symbolic link to a path outside the repository, not followed'],
    ['../modules/sg', 'a symbolic link in a cycle of links'],
    ['sg-v3', 'a symbolic link to a directory that does not exist (dangling)'],
  ])('a linked module retargeted to %s is a parse error naming the link, never read', async (target, why) => {
    const { run, title, summary } = await review({ base: { 'modules/sg': 'sg-v1' }, head: { 'modules/sg': target } });
    expect(run).toMatchObject({ conclusion: 'failure' });
    expect(title).toBe('sg-review: 1 high');
    expect(summary).toContain(`\`modules/sg/*.tf\` line 1, column 1: not readable as text: ${why}`);
  });

  it('a changed link to a directory no configuration calls is no finding (it is read, and left out)', async () => {
    const { run, title } = await review({ base: { 'docs/latest': 'v1' }, head: { 'docs/latest': '/var/www' } });
    expect(run).toMatchObject({ conclusion: 'success' });
    expect(title).toBe('sg-review: No new exposure or ownership hazard.');
  });
});
