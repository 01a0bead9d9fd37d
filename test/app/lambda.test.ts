import { generateKeyPairSync } from 'node:crypto';
import { sign } from '@octokit/webhooks-methods';
import { Probot, ProbotOctokit } from 'probot';
import pino from 'pino';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/app.js';
import { GitHubDouble } from '../../demo/github-double.js';
import { createLambdaHandler } from '../../src/lambda.js';
import { cleanup, pullRequestPayload } from '../helpers/app.js';
import { HEAD, TIP, exampleCommits, examplePull } from './fixtures.js';

afterEach(cleanup);

describe('AWS Lambda handler', () => {
  it('verifies an API Gateway event and runs the review', async () => {
    nock.disableNetConnect();
    const github = new GitHubDouble({ owner: 'acme', repo: 'infra', commits: exampleCommits(), pulls: [examplePull] });
    const scope = nock('https://api.github.com').persist();
    for (const m of ['get', 'post', 'patch'] as const)
      scope[m](/.*/).reply((uri, body) => {
        const r = github.handle(m.toUpperCase(), uri, typeof body === 'string' && body ? JSON.parse(body) : body);
        return [r.status, r.body ?? '', r.headers ?? {}];
      });
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const handler = createLambdaHandler(
      createApp(),
      () =>
        new Probot({
          appId: 1,
          privateKey,
          secret: 's3cret',
          log: pino({ level: 'silent' }),
          Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
        }),
    );
    const body = JSON.stringify(pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
    const event = {
      httpMethod: 'POST',
      isBase64Encoded: true,
      body: Buffer.from(body).toString('base64'),
      headers: {
        'X-GitHub-Event': 'pull_request',
        'X-GitHub-Delivery': 'lambda-1',
        'X-Hub-Signature-256': await sign('s3cret', body),
        'Content-Type': 'application/json',
      },
    };
    expect(await handler(event)).toMatchObject({ statusCode: 200, body: '{"ok":true}' });
    expect(github.checkRuns.get(100)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const forged = await handler({
      ...event,
      headers: { ...event.headers, 'X-GitHub-Delivery': 'lambda-2', 'X-Hub-Signature-256': 'sha256=' + '0'.repeat(64) },
    });
    expect(forged.statusCode).toBe(401);
    expect((await handler({ ...event, headers: {} })).statusCode).toBe(400);
    expect(github.checkRuns.size).toBe(1);
  });
});
