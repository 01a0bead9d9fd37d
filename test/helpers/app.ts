// Drives the real Probot app with signed webhooks against the GitHub double, through nock.
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { sign } from '@octokit/webhooks-methods';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import pino, { type Logger } from 'pino';
import { createApp } from '../../src/app/app.js';
import { RunRegistry } from '../../src/app/runs.js';
import { GitHubDouble, type DoubleOptions } from '../../demo/github-double.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];

export const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
export const SECRET = 'test-secret';

/** A real payload shape from @octokit/webhooks-examples, patched with our repository. */
/* eslint-disable @typescript-eslint/no-explicit-any -- tests patch example payloads at any depth */
export function payload(name: string, action: string, patch: (p: Record<string, any>) => void = () => {}): Record<string, any> {
  const event = examples.find((e) => e.name === name)!;
  const example = event.examples.find((e) => e['action'] === action) ?? event.examples[0]!;
  const p = structuredClone(example) as Record<string, any>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  p['installation'] = { id: 1, node_id: 'x' };
  p['repository'] = {
    ...(p['repository'] ?? {}),
    name: 'infra',
    full_name: 'acme/infra',
    default_branch: 'main',
    owner: { ...(p['repository']?.owner ?? {}), login: 'acme' },
  };
  p['sender'] = { ...(p['sender'] ?? {}), login: 'alice', type: 'User' };
  patch(p);
  return p;
}

export function pullRequestPayload(action: string, pr: { number: number; head: string; base: string }, fork = false) {
  return payload('pull_request', action, (p) => {
    p['pull_request'] = {
      ...p['pull_request'],
      number: pr.number,
      head: {
        ...p['pull_request'].head,
        sha: pr.head,
        repo: fork ? { full_name: 'mallory/infra', owner: { login: 'mallory' }, name: 'infra' } : { full_name: 'acme/infra' },
      },
      base: { ...p['pull_request'].base, sha: pr.base, ref: 'main' },
    };
    p['number'] = pr.number;
  });
}

/** The GitHub double behind nock at `host` (no other network). */
export function serveDouble(
  options: Omit<DoubleOptions, 'owner' | 'repo'>,
  host = 'https://api.github.com',
  delayFor?: (method: string, path: string) => number,
): GitHubDouble {
  nock.disableNetConnect();
  const github = new GitHubDouble({ owner: 'acme', repo: 'infra', ...options });
  const scope = nock(host).persist();
  for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
    scope[method](/.*/).reply(function (uri, body, callback) {
      const parsed = typeof body === 'string' && body ? JSON.parse(body) : body || undefined;
      const reply = github.handle(method.toUpperCase(), uri, parsed, this.req.headers);
      const wait = delayFor?.(method.toUpperCase(), uri) ?? 0;
      setTimeout(() => callback(null, [reply.status, reply.body ?? '', reply.headers ?? {}]), wait);
    });
  }
  return github;
}

/** "METHOD /path" of every request sent to the double (token minting left out). */
export function callsOf(github: GitHubDouble): string[] {
  return github.requests.filter((r) => !r.path.includes('access_tokens')).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
}

export interface Harness {
  github: GitHubDouble;
  probot: Probot;
  registry: RunRegistry;
  send: (name: string, payload: Record<string, unknown>, id?: string) => Promise<void>;
  /** "METHOD /path" of every request the app sent (token minting left out). */
  calls: () => string[];
}

let delivery = 0;

export function harness(
  options: Omit<DoubleOptions, 'owner' | 'repo'>,
  delayFor?: (method: string, path: string) => number,
  host = 'https://api.github.com',
  baseUrl?: string,
  log: Logger = pino({ level: 'silent' }),
): Harness {
  const github = serveDouble(options, host, delayFor);
  const registry = new RunRegistry();
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    ...(baseUrl ? { baseUrl } : {}),
    log,
    Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const loaded = probot.load(createApp(registry)).then(() => probot.ready());
  return {
    github,
    probot,
    registry,
    send: async (name, body, id = `delivery-${++delivery}`) => {
      await loaded;
      const text = JSON.stringify(body);
      await probot.webhooks.verifyAndReceive({ id, name: name as never, payload: text, signature: await sign(SECRET, text) });
    },
    calls: () => callsOf(github),
  };
}

export function cleanup(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}
