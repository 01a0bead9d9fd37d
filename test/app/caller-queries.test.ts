// The App's search for the callers of a changed module reads every other Terraform directory
// of the head at both revisions: 100 directory listings to a GraphQL query (each holds every
// file's text, and GitHub answers a query over 10 seconds with a 502), one query after another.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { BASE, HEAD, TIP, examplePull, reviewRequests } from './fixtures.js';

afterEach(cleanup);

const module = (port: number) =>
  `variable "cidrs" {\n  type = list(string)\n}\n\nresource "aws_security_group" "this" {\n  name = "app"\n\n  ingress {\n    description = "app port"\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = var.cidrs\n  }\n}\n`;
const caller = 'module "sg" {\n  source = "../../modules/sg"\n  cidrs  = ["0.0.0.0/0"]\n}\n';
// 60 other stacks and the caller: 61 candidate directories, 122 listings
const stacks = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`stacks/s${String(i).padStart(2, '0')}/main.tf`, 'locals {\n  x = 1\n}\n']));
const files = (port: number) => ({ 'modules/sg/main.tf': module(port), 'stacks/prod/main.tf': caller, ...stacks });

/** How many objects each GraphQL query of the review read. */
const objectsPerQuery = (requests: { method: string; path: string; body: unknown }[]) =>
  requests.filter((r) => r.path === '/graphql').map((r) => ((r.body as { query: string }).query.match(/: object\(expression:/g) ?? []).length);

describe("the App's search for the callers of a changed module", () => {
  it('reads 61 candidate directories at both revisions in two queries of at most 100 listings', async () => {
    const h = harness({ commits: { [BASE]: files(443), [HEAD]: files(22) }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.calls()).toEqual(
      reviewRequests({
        reads: [
          'POST /graphql', // the touched module, at both revisions
          'POST /graphql', // the first 100 listings of the candidates
          'POST /graphql', // the other 22
        ],
      }),
    );
    expect(objectsPerQuery(h.github.requests)).toEqual([2, 100, 22]);
    const run = h.github.checkRuns.get(100)!;
    expect(run['conclusion']).toBe('failure');
    expect((run['output'] as { summary: string }).summary).toContain('Directories: `modules/sg`, `stacks/prod`');
  });
});
