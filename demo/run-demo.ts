// `npm run demo`: the real app, in-process, behind Probot's webhook middleware on 127.0.0.1,
// talking to the GitHub double on 127.0.0.1, which serves the bundled example pull request
// (examples/three-tier) plus a registry module call (acme-mods/web-sg/aws, served by the
// registry double on 127.0.0.1, its code, demo/modules/web-sg, read through the GitHub double).
// One signed `pull_request.opened` webhook; then it prints the requests the app sent, the check
// run it concluded and the review it posted. No credentials, no network.
import { generateKeyPairSync, createHmac, randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join, relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { Probot, ProbotOctokit, createNodeMiddleware } from 'probot';
import { createApp } from '../src/app/app.js';
import { RunRegistry } from '../src/app/runs.js';
import { GitHubDouble, type Reply } from './github-double.js';
import { RegistryDouble } from './registry-double.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXAMPLE = join(ROOT, 'examples/three-tier');
const SECRET = 'demo-webhook-secret';
const BASE = '1'.repeat(40);
const HEAD = '2'.repeat(40);
const TIP = '3'.repeat(40);
const MODULE_REPO = 'acme-mods/terraform-aws-web-sg';
/** How long the demo waits for the review to be posted, however loaded the machine. */
const REVIEW_DEADLINE_MS = 120_000;

/** The pull request also adds SSH to a registry module call's named rules. */
const edgeCall = (rules: string) => `# The edge proxies' group, from a registry module.
module "edge_sg" {
  source  = "acme-mods/web-sg/aws"
  version = "~> 1.2"

  name                = "edge"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ${rules}
}
`;

async function tree(dir: string, root = dir): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, await tree(full, root));
    else out[relative(root, full).split(sep).join('/')] = await readFile(full, 'utf8');
  }
  return out;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/**
 * Waits until the review is posted: the check run concluded (the review comments are posted
 * before it), then the run settled. The webhook's answer does not say so: Probot's webhook
 * middleware (@octokit/webhooks) answers 202 "still processing" after 9 s and the review goes
 * on, as it does on a loaded machine; printing then, and closing the doubles under it, cut the
 * review short (ECONNREFUSED). False when the deadline passed first.
 */
async function reviewPosted(github: GitHubDouble, runs: RunRegistry, deadline: number): Promise<boolean> {
  const concluded = () => [...github.checkRuns.values()].some((run) => run['status'] === 'completed');
  while (!concluded()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  await runs.drain(Math.max(0, deadline - Date.now()));
  return true;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** Serves a double's replies over HTTP on 127.0.0.1. */
function serve(handle: (method: string, url: string, body: unknown) => Reply): Server {
  return createServer(async (req, res) => {
    const text = await body(req);
    const reply = handle(req.method ?? 'GET', req.url ?? '/', text ? JSON.parse(text) : undefined);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
}

async function main(): Promise<void> {
  const github = new GitHubDouble({
    owner: 'acme',
    repo: 'infra',
    commits: {
      [BASE]: { ...(await tree(join(EXAMPLE, 'base'))), 'network/edge.tf': edgeCall('["https-443-tcp"]') },
      [HEAD]: { ...(await tree(join(EXAMPLE, 'head'))), 'network/edge.tf': edgeCall('["https-443-tcp", "ssh-tcp"]') },
    },
    pulls: [{ number: 7, head: HEAD, base: TIP, mergeBase: BASE }],
    repositories: { [MODULE_REPO]: { 'v1.2.0': await tree(join(ROOT, 'demo/modules/web-sg')) } },
  });
  const githubServer = serve((method, url, payload) => github.handle(method, url, payload));
  const githubPort = await listen(githubServer);
  const registry = new RegistryDouble({
    modules: {
      'acme-mods/web-sg/aws': {
        '1.1.0': `git::https://github.com/${MODULE_REPO}.git?ref=v1.1.0`,
        '1.2.0': `git::https://github.com/${MODULE_REPO}.git?ref=v1.2.0`,
      },
    },
  });
  const registryServer = serve((method, url) => registry.handle(method, url));
  process.env['SG_REVIEW_REGISTRY_URL'] = `http://127.0.0.1:${await listen(registryServer)}`;

  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    baseUrl: `http://127.0.0.1:${githubPort}`,
    log: pino({ level: process.env['LOG_LEVEL'] ?? 'warn' }),
    // the demo skips Probot's one-write-per-second queue so it finishes in a moment
    Octokit: ProbotOctokit.defaults((o: object) => ({ ...o, throttle: { enabled: false }, retry: { enabled: false } })),
  });
  const runs = new RunRegistry();
  const middleware = await createNodeMiddleware(createApp(runs), { probot, webhooksPath: '/api/github/webhooks' });
  const appServer = createServer((req, res) => void middleware(req, res));
  const appPort = await listen(appServer);

  const payload = JSON.stringify({
    action: 'opened',
    number: 7,
    installation: { id: 1 },
    sender: { login: 'alice', type: 'User' },
    repository: { name: 'infra', full_name: 'acme/infra', default_branch: 'main', owner: { login: 'acme' } },
    pull_request: { number: 7, title: 'Let the health checker reach the web tier', head: { sha: HEAD, ref: 'health-check' }, base: { sha: TIP, ref: 'main' } },
  });
  const deadline = Date.now() + REVIEW_DEADLINE_MS;
  const response = await fetch(`http://127.0.0.1:${appPort}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': 'sha256=' + createHmac('sha256', SECRET).update(payload).digest('hex'),
    },
    body: payload,
  });
  const accepted = response.status === 200 || response.status === 202;
  const posted = accepted && (await reviewPosted(github, runs, deadline));

  const out: string[] = [];
  out.push(
    `Webhook pull_request.opened for acme/infra#7 -> HTTP ${response.status}${response.status === 202 ? ' (still processing: the review went on after the answer)' : ''}`,
    '',
    `The app sent ${github.requests.length} requests to the GitHub double:`,
  );
  for (const r of github.requests) out.push(`  ${r.method} ${r.path}`);
  out.push('', `and ${registry.requests.length} requests to the module registry double:`);
  for (const r of registry.requests) out.push(`  ${r}`);
  for (const run of github.checkRuns.values()) {
    const output = run['output'] as { title: string; summary: string };
    out.push(
      '',
      '='.repeat(78),
      `CHECK RUN "${String(run['name'])}" on ${String(run['head_sha']).slice(0, 12)}: ${String(run['status'])}, conclusion ${String(run['conclusion'])}`,
      `title: ${output.title}`,
      `annotations: ${run.annotations.length}`,
      '',
      output.summary,
    );
  }
  for (const review of github.reviews) {
    const comments = (review.body['comments'] ?? []) as { path: string; line: number; start_line?: number; body: string }[];
    out.push('='.repeat(78), `REVIEW (${String(review.body['event'])}) on #${review.pull}: ${String(review.body['body'])}`);
    for (const c of comments) out.push('', `--- ${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}`, c.body);
  }
  if (accepted && !posted) out.push('', `The review was not posted within ${REVIEW_DEADLINE_MS / 1000} s.`);
  process.stdout.write(out.join('\n') + '\n');
  appServer.close();
  githubServer.close();
  registryServer.close();
  if (!posted) process.exitCode = 2;
}

await main();
