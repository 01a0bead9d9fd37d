// Module sources for tests: our own fixture modules, served through nock as a module registry
// and as GitHub repositories (GraphQL tree reads), never the network.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { GitHubDouble } from '../../demo/github-double.js';
import { RegistryDouble, type RegistryDoubleOptions } from '../../demo/registry-double.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/modules');

/** The files of a fixture module, keyed by path below `prefix`. */
export function fixtureModule(name: string, prefix = ''): Record<string, string> {
  const root = join(FIXTURES, name);
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out[(prefix ? `${prefix}/` : '') + relative(root, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

export const REGISTRY_URL = 'https://registry.test';

/** Serves a module registry at REGISTRY_URL through nock. */
export function serveRegistry(options: RegistryDoubleOptions, delayMs = 0): RegistryDouble {
  const registry = new RegistryDouble(options);
  nock(REGISTRY_URL)
    .persist()
    .get(/.*/)
    .delay(delayMs)
    .reply((uri) => {
      const r = registry.handle('GET', uri);
      return [r.status, r.body ?? '', r.headers ?? {}];
    });
  return registry;
}

/** Serves a registry at REGISTRY_URL and GitHub repositories at api.github.com through nock. */
export function serveModules(options: {
  registry: RegistryDoubleOptions;
  repositories: Record<string, Record<string, Record<string, string>>>;
  delayMs?: (host: 'registry' | 'github') => number;
}) {
  nock.disableNetConnect();
  const registry = serveRegistry(options.registry, options.delayMs?.('registry') ?? 0);
  const github = new GitHubDouble({ owner: 'acme', repo: 'infra', commits: {}, pulls: [], repositories: options.repositories });
  nock('https://api.github.com')
    .persist()
    .post('/graphql')
    .delay(options.delayMs?.('github') ?? 0)
    .reply((uri, body) => {
      const r = github.handle('POST', uri, typeof body === 'string' ? JSON.parse(body) : body);
      return [r.status, r.body ?? '', r.headers ?? {}];
    });
  const octokit = new Octokit({ auth: 'test-token', request: { retries: 0 } });
  return { registry, github, octokit };
}
