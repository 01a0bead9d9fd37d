// The server stays responsive while a hostile PR is reviewed: the engine runs on a worker
// thread, so GET /ping answers throughout a review whose evaluation runs to its time budget.
import { sign } from '@octokit/webhooks-methods';
import nock from 'nock';
import pino from 'pino';
import { Probot, ProbotOctokit, Server } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/app.js';
import { RunRegistry } from '../../src/app/runs.js';
import { SECRET, cleanup, privateKey, pullRequestPayload, serveDouble } from '../helpers/app.js';
import { BASE, HEAD, TIP, examplePull } from './fixtures.js';

afterEach(cleanup);

// a billion strings (range() stops at 1,024 elements, as in Terraform): with max_values raised,
// evaluation runs until review_time_budget (or the step bound) stops it
const HOSTILE = `locals {
  s = toset(flatten([for i in range(1000) : [for j in range(1000) : [for k in range(1000) : "\${i}-\${j}-\${k}"]]]))
}
resource "aws_security_group" "g" {
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = length(local.s) > 0 ? 22 : 23
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

describe('the event loop during a review', () => {
  it('GET /ping answers throughout (never 2 s without an answer) while the review of a hostile PR runs, which ends with an analysis-limit finding', async () => {
    const github = serveDouble({
      commits: { [BASE]: { 'a/main.tf': '' }, [HEAD]: { 'a/main.tf': HOSTILE } },
      pulls: [examplePull],
      config: 'max_values: 10000000\nreview_time_budget: 5\n',
    });
    nock.enableNetConnect('127.0.0.1');
    const log = pino({ level: 'silent' });
    const server = new Server({
      host: '127.0.0.1',
      port: 0,
      log,
      Probot: Probot.defaults({
        appId: 1,
        privateKey,
        secret: SECRET,
        log,
        Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
      }),
    });
    await server.load(createApp(new RunRegistry()));
    const http = await server.start();
    const base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    try {
      const body = JSON.stringify(pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
      const delivered = fetch(`${base}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': 'd-1',
          'x-hub-signature-256': await sign(SECRET, body),
        },
        body,
      });
      // Probot answers 202 when the handler outlasts its wait: the check run says when the review ended
      const reviewing = () => github.checkRuns.get(100)?.['status'] !== 'completed';
      // when each ping was answered: the client runs on the same event loop as the server, so
      // a blocked loop shows as a long gap between answers
      const answered = [performance.now()];
      while (reviewing()) {
        expect(await fetch(`${base}/ping`).then((r) => r.text())).toBe('PONG');
        answered.push(performance.now());
        await new Promise((r) => setTimeout(r, 100));
      }
      answered.push(performance.now());
      expect([200, 202]).toContain((await delivered).status);
      const gaps = answered.slice(1).map((t, i) => t - answered[i]!);
      const run = github.checkRuns.get(100)!;
      expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect((run['output'] as { summary: string }).summary).toMatch(/analysis-limit/);
      // the review took seconds (its time budget), and /ping answered all along
      expect(answered.length).toBeGreaterThanOrEqual(10);
      expect(Math.max(...gaps)).toBeLessThan(2_000);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
