// Comment volume is bounded: at most max_review_comments line comments per review (the most
// severe first) and max_annotations annotations, each overrun said in the review and summary.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { BASE, HEAD, TIP, examplePull } from './fixtures.js';

afterEach(cleanup);

/** 30 rules from a private range (low), then 30 open to the internet on SSH (critical). */
const rule = (i: number, cidr: string, port: number) =>
  `resource "aws_security_group_rule" "r${i}" {\n  type              = "ingress"\n  security_group_id = "sg-123"\n  protocol          = "tcp"\n  from_port         = ${port}\n  to_port           = ${port}\n  cidr_blocks       = ["${cidr}"]\n  description       = "r${i}"\n}\n`;
const HEAD_TF = [
  ...Array.from({ length: 30 }, (_, i) => rule(i, `10.${i}.0.0/16`, 1000 + i)),
  ...Array.from({ length: 30 }, (_, i) => rule(30 + i, '0.0.0.0/0', 22)),
].join('\n');

const summaryOf = (run: Record<string, unknown> | undefined) => (run!['output'] as { summary: string }).summary;

describe('comment volume', () => {
  it('default: 25 line comments, the most severe first; the rest are said to be in the summary', async () => {
    const h = harness({ commits: { [BASE]: { 'main.tf': '' }, [HEAD]: { 'main.tf': HEAD_TF } }, pulls: [examplePull] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const [review] = h.github.reviews;
    const comments = review!.body['comments'] as { body: string }[];
    expect(comments).toHaveLength(25);
    expect(comments.every((c) => /^\*\*(CRITICAL|HIGH)\*\*/.test(c.body))).toBe(true);
    expect(review!.body['body']).toMatch(
      / \d+ more new finding\(s\) on the lines of this pull request are in the check-run summary only \(`max_review_comments`: 25\)/,
    );
    expect(summaryOf(h.github.checkRuns.get(100))).toMatch(/more new finding\(s\) .* \(`max_review_comments`: 25\)/);
  });

  it('max_review_comments and max_annotations from the config bound both, and the summary says so', async () => {
    const h = harness({
      commits: { [BASE]: { 'main.tf': '' }, [HEAD]: { 'main.tf': HEAD_TF } },
      pulls: [examplePull],
      config: 'max_review_comments: 3\nmax_annotations: 10\n',
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.reviews[0]!.body['comments']).toHaveLength(3);
    const run = h.github.checkRuns.get(100)!;
    expect(run.annotations).toHaveLength(10);
    expect((run.annotations as { annotation_level: string }[]).every((a) => a.annotation_level === 'failure')).toBe(true);
    expect(summaryOf(run)).toMatch(/`max_annotations` \(10\) reached: \d+ more findings are in the table above but not annotated/);
  });
});
