// Check runs a previous process left in progress (crash, SIGKILL, deploy) are concluded on the
// first webhook of their repository after the server starts: never left "in progress" forever.
import { sign } from '@octokit/webhooks-methods';
import pino from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbandonedRuns } from '../../src/app/abandoned-runs.js';
import { createApp } from '../../src/app/app.js';
import { RunRegistry } from '../../src/app/runs.js';
import { SECRET, cleanup, payload, privateKey, serveDouble } from '../helpers/app.js';
import { BASE, HEAD, TIP, exampleCommits } from './fixtures.js';

afterEach(cleanup);

const OTHER_HEAD = 'd'.repeat(40);

describe('runs a previous process left in progress', () => {
  it('are concluded cancelled with the reason and a Re-run button on the first event of the repository; others are left alone', async () => {
    const github = serveDouble({
      commits: exampleCommits(),
      pulls: [
        { number: 1, head: HEAD, base: TIP, mergeBase: BASE },
        { number: 2, head: OTHER_HEAD, base: TIP, mergeBase: BASE },
        { number: 3, head: 'e'.repeat(40), base: TIP, mergeBase: BASE, state: 'closed' },
      ],
    });
    const started = new Date();
    const before = new Date(started.getTime() - 3_600_000).toISOString();
    const run = (id: number, head: string, appId: number, startedAt: string) =>
      github.checkRuns.set(id, { id, name: 'sg-review', head_sha: head, status: 'in_progress', started_at: startedAt, app: { id: appId }, annotations: [] });
    run(7, HEAD, 1, before); // this app's, from before the restart
    run(8, OTHER_HEAD, 1, before); // on another open pull request
    run(9, OTHER_HEAD, 2, before); // the sg-review Action's (another app): not ours
    run(10, HEAD, 1, new Date(started.getTime() + 1_000).toISOString()); // this process's own
    run(11, 'e'.repeat(40), 1, before); // a closed pull request's: not searched

    const log = pino({ level: 'silent' });
    const probot = new Probot({
      appId: 1,
      privateKey,
      secret: SECRET,
      log,
      Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
    });
    await probot.load(createApp(new RunRegistry(), undefined, true, new AbandonedRuns(started)));
    const send = async (body: Record<string, unknown>, id: string) => {
      const text = JSON.stringify(body);
      await probot.webhooks.verifyAndReceive({ id, name: 'issue_comment', payload: text, signature: await sign(SECRET, text) });
    };
    // any event of the repository, here a comment that is no command
    const comment = payload('issue_comment', 'created', (p) => {
      p['comment'] = { ...p['comment'], body: 'looks good' };
    });
    await send(comment, 'd-1');
    await vi.waitFor(() => expect(github.checkRuns.get(8)!['status']).toBe('completed'), { timeout: 5_000, interval: 20 });
    for (const id of [7, 8]) {
      expect(github.checkRuns.get(id)).toMatchObject({
        status: 'completed',
        conclusion: 'cancelled',
        actions: [{ identifier: 'rerun' }],
        output: { title: 'sg-review: stopped before it concluded', summary: expect.stringContaining('was still in progress when sg-review restarted') },
      });
    }
    for (const id of [9, 10, 11]) expect(github.checkRuns.get(id)!['status']).toBe('in_progress');

    // searched once per repository and process
    await send(comment, 'd-2');
    expect(github.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/repos/acme/infra/pulls?')).length).toBe(1);
  });
});
