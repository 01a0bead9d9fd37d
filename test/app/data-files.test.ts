// A pull request that changes only a file the configuration reads through file(): the App finds
// the directories whose text reads it among the head's Terraform directories, reads the file at
// both revisions (one tree listing of the merge base, one GraphQL query per revision), and
// reviews the new value.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { readsCidrs } from '../helpers/reads-cidrs.js';
import { BASE, HEAD, examplePull, reviewRequests, TIP } from './fixtures.js';

afterEach(cleanup);

const ROOT = readsCidrs('jsondecode(file("${path.module}/data/admin.json"))');
const files = (cidr: string) => ({
  'live/main.tf': ROOT,
  'live/data/admin.json': JSON.stringify([cidr]),
  'network/main.tf': 'resource "aws_security_group" "other" {\n  name = "other"\n}\n',
  'README.md': '# infra\n',
});

describe('a pull request that changes only a file the configuration reads', () => {
  it('reviews the directory that reads it, with the new value: SSH from the world is critical', async () => {
    const h = harness({ commits: { [BASE]: files('198.51.100.0/24'), [HEAD]: files('0.0.0.0/0') }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    expect(run['conclusion']).toBe('failure');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ path: 'live/main.tf', title: '[critical] SSH (22/tcp) opened to the internet on aws_security_group.admin' }),
    );
    expect((run['output'] as { summary: string }).summary).toContain('Directories: `live`');
    const [open, runs, config, listFiles, headTree, compare, ...rest] = reviewRequests({
      reads: [
        'POST /graphql', // the touched directory, at both revisions
        `GET /repos/acme/infra/git/trees/${BASE}`, // the merge base's listing, to find the data file
        'POST /graphql', // the data file at the merge base
        'POST /graphql', // and at the head (its listing was read for links)
      ],
    });
    // the head's Terraform directories (from the listing for links) read once, to find the
    // readers; no review: the rule's lines are not in the diff (the finding is an annotation)
    expect(h.calls()).toEqual([open, runs, config, listFiles, headTree, 'POST /graphql', compare, ...rest.filter((c) => !c.endsWith('/reviews'))]);
  });

  it('a change to a file no configuration reads reviews nothing', async () => {
    const h = harness({ commits: { [BASE]: files('0.0.0.0/0'), [HEAD]: { ...files('0.0.0.0/0'), 'README.md': '# infra!\n' } }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.checkRuns.get(100)).toMatchObject({ conclusion: 'success', output: { title: 'sg-review: no Terraform changes' } });
  });
});
