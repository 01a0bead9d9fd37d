// A check run is never left in progress: the final update is retried, shortened on 422, and a
// run that could not be concluded is concluded by the next run of the same head.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../demo/github-double.js';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { HEAD, TIP, exampleCommits, examplePull } from './fixtures.js';

afterEach(cleanup);
beforeAll(() => {
  process.env['CHECK_RUN_RETRY_MS'] = '5,5,5';
});
afterAll(() => {
  delete process.env['CHECK_RUN_RETRY_MS'];
});

const isCompletion = (r: RecordedRequest) => r.method === 'PATCH' && (r.body as { status?: string }).status === 'completed';

describe('the final check-run update', () => {
  it('a 422 on the full report concludes with the same conclusion and a short summary', async () => {
    let refused = 0;
    const h = harness({
      commits: exampleCommits(),
      pulls: [examplePull],
      fail: (r) => (isCompletion(r) && refused++ === 0 ? { status: 422, body: { message: 'Invalid request. output.summary is too long' } } : null),
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const run = h.github.checkRuns.get(100)!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'sg-review: 1 critical, 3 high, 1 medium, 2 low' } });
    expect((run['output'] as { summary: string }).summary).toMatch(/^GitHub refused the full report of this run \(HTTP 422: .*too long/);
    expect(h.github.requests.filter(isCompletion)).toHaveLength(2);
  });

  it('repeated 502s are retried until the update goes through', async () => {
    let failures = 0;
    const h = harness({
      commits: exampleCommits(),
      pulls: [examplePull],
      fail: (r) => (isCompletion(r) && failures++ < 3 ? { status: 502, body: { message: 'Bad Gateway' } } : null),
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.checkRuns.get(100)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(h.github.requests.filter(isCompletion)).toHaveLength(4);
  });

  it('a run GitHub never let conclude is concluded by the next run of the same head', async () => {
    let down = true;
    const h = harness({
      commits: exampleCommits(),
      pulls: [examplePull],
      fail: (r) => (down && isCompletion(r) ? { status: 502, body: { message: 'Bad Gateway' } } : null),
    });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.checkRuns.get(100)).toMatchObject({ status: 'in_progress' });
    down = false;
    await h.send('pull_request', pullRequestPayload('synchronize', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.checkRuns.get(100)).toMatchObject({
      status: 'completed',
      conclusion: 'cancelled',
      output: { title: 'sg-review: replaced by a newer run' },
    });
    expect(h.github.checkRuns.get(101)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it("another app's run of the same name is left alone", async () => {
    const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
    h.github.checkRuns.set(99, { id: 99, name: 'sg-review', head_sha: HEAD, status: 'in_progress', app: { id: 2 }, annotations: [] });
    await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect(h.github.checkRuns.get(99)).toMatchObject({ status: 'in_progress' });
  });
});
