// A pull request that changes only an OpenTofu file is reviewed like any Terraform change.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { BASE, HEAD, TIP, examplePull } from './fixtures.js';

afterEach(cleanup);

const group = (cidr: string) => `resource "aws_security_group" "web" {
  name        = "web"
  description = "web tier"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["${cidr}"]
  }
}
`;

describe('OpenTofu pull request', () => {
  it('a PR that changes only network/main.tofu is reviewed, with its comment on the .tofu line; the ignored main.tf twin is not', async () => {
    const unchanged = { 'README.md': '# infra\n', 'network/main.tf': group('10.0.0.0/8') };
    const h = harness({
      commits: {
        [BASE]: { ...unchanged, 'network/main.tofu': group('10.0.0.0/8') },
        [HEAD]: { ...unchanged, 'network/main.tofu': group('0.0.0.0/0') },
      },
      pulls: [examplePull],
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect((run['output'] as { title: string }).title).toBe('sg-review: 2 critical');
    const [review] = h.github.reviews;
    const comments = review!.body['comments'] as { path: string; line: number; body: string }[];
    expect(comments.length).toBeGreaterThan(0);
    expect(new Set(comments.map((c) => c.path))).toEqual(new Set(['network/main.tofu']));
    expect(comments.find((c) => c.body.includes('SSH (22/tcp) opened to the internet'))).toBeDefined();
  });
});
