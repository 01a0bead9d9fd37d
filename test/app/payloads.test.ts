// Payloads missing the fields the app reads are answered 400 (naming the field), over HTTP
// through Probot's webhook middleware; every example payload of the handled events passes.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import nock from 'nock';
import { createNodeMiddleware } from 'probot';
import { checkPayload } from '../../src/app/payloads.js';
import { SECRET, cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { HEAD, TIP, exampleCommits, examplePull } from './fixtures.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];
const EVENTS = ['pull_request', 'issue_comment', 'check_run', 'check_suite', 'merge_group'];

describe('payload shapes', () => {
  it.each(EVENTS)('every @octokit/webhooks-examples %s payload passes', (name) => {
    const event = examples.find((e) => e.name === name)!;
    expect(event.examples.length).toBeGreaterThan(0);
    for (const example of event.examples) expect(() => checkPayload(name, example)).not.toThrow();
  });
});

describe('webhooks over HTTP', () => {
  const h = harness({ commits: exampleCommits(), pulls: [examplePull] });
  const server = createServer();
  let url = '';
  beforeAll(async () => {
    const middleware = await createNodeMiddleware(() => undefined, { probot: h.probot, webhooksPath: '/hooks' });
    server.on('request', (req, res) => void middleware(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    nock.enableNetConnect('127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`;
  });
  afterAll(async () => {
    cleanup();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = async (name: string, body: unknown) => {
    const text = JSON.stringify(body);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': name,
        'x-github-delivery': `d-${Math.random()}`,
        'x-hub-signature-256': await sign(SECRET, text),
      },
      body: text,
    });
    return { status: response.status, text: await response.text() };
  };

  /* eslint-disable @typescript-eslint/no-explicit-any -- tests patch example payloads at any depth */
  it.each([
    ['pull_request without head', (p: Record<string, any>) => delete p['pull_request'].head, /pull_request\.head\\"/],
    ['pull_request without repository', (p: Record<string, any>) => delete p['repository'], /\\"repository\\"/],
    ['pull_request with a non-numeric number', (p: Record<string, any>) => (p['pull_request'].number = 'x'), /pull_request\.number\\"/],
  ])('%s: 400 naming the field, nothing sent to GitHub', async (_name, patch, field) => {
    /* eslint-enable @typescript-eslint/no-explicit-any */
    const before = h.github.requests.length;
    const p = pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP });
    patch(p);
    const { status, text } = await post('pull_request', p);
    expect(status).toBe(400);
    expect(text).toMatch(field);
    expect(h.github.requests.length).toBe(before);
  });

  it('a complete payload is accepted (200, or 202 once the review outlasts the 9 s Probot waits) and reviewed', async () => {
    const { status, text } = await post('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    expect([
      { status: 200, text: 'ok\n' },
      { status: 202, text: 'still processing\n' },
    ]).toContainEqual({ status, text });
    await vi.waitFor(() => expect(h.github.checkRuns.get(100)).toMatchObject({ status: 'completed' }), { timeout: 30_000, interval: 50 });
  }, 60_000);
});
