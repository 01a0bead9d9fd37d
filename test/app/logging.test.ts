// LOG_LEVEL=debug must not write Terraform lines or payloads to the logs: Probot logs the body
// of every GitHub request and every webhook payload at debug, the app's logger drops them.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { cleanup, harness, pullRequestPayload } from '../helpers/app.js';
import { HEAD, TIP, exampleCommits, examplePull } from './fixtures.js';

afterEach(cleanup);

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

async function reviewLogged(log: pino.Logger, lines: string[]) {
  const h = harness({ commits: exampleCommits(), pulls: [examplePull] }, undefined, undefined, undefined, log);
  await h.send('pull_request', pullRequestPayload('opened', { number: 1, head: HEAD, base: TIP }));
  expect(h.github.reviews).toHaveLength(1);
  return lines.join('\n');
}

const TERRAFORM = /aws_vpc_security_group_ingress_rule|```suggestion|cidr_blocks|0\.0\.0\.0\/0/;

describe('debug logs', () => {
  it('keep the request lines (method, path, status) without bodies or payloads', async () => {
    const { lines, stream } = capture();
    const text = await reviewLogged(createLogger('debug', stream), lines);
    expect(text).toContain('GitHub request: POST https://api.github.com/repos/acme/infra/pulls/1/reviews - 200');
    expect(text).toContain('GitHub request: POST https://api.github.com/graphql - 200');
    expect(text).not.toMatch(TERRAFORM);
    expect(text).not.toContain('"query"');
  });

  it("Probot's 'Webhook received' keeps the delivery id and event name, not the payload", () => {
    const { lines, stream } = capture();
    createLogger('debug', stream).debug({ event: { id: 'd-1', name: 'pull_request', payload: { patch: 'cidr_blocks = ["0.0.0.0/0"]' } } }, 'Webhook received');
    expect(JSON.parse(lines[0]!)).toMatchObject({ delivery: 'd-1', event: 'pull_request', msg: 'Webhook received' });
    expect(lines[0]).not.toMatch(TERRAFORM);
  });

  it('a plain pino logger at debug would have written them (what the app logger prevents)', async () => {
    const { lines, stream } = capture();
    expect(await reviewLogged(pino({ level: 'debug' }, stream), lines)).toMatch(TERRAFORM);
  });
});
