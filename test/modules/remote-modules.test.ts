import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/adapters/module-registry.js';
import { DEFAULT_MODULE_BOUNDS, RemoteModuleCache, moduleBounds, readRemoteModules, type ModuleBounds } from '../../src/adapters/remote-modules.js';
import { callKey } from '../../src/engine/modules/calls.js';
import { githubModuleReader } from '../../src/github/module-files.js';
import { gitHubClient } from '../../src/github/types.js';
import { REGISTRY_URL, fixtureModule, serveModules } from '../helpers/modules.js';

const SG = 'acme-mods/named-rules-sg/aws';
const sgRepo = { v1: fixtureModule('named-rules-sg'), v2: fixtureModule('named-rules-sg') };

function setup(opts: { fail?: (path: string) => { status: number } | null; delayMs?: (h: 'registry' | 'github') => number } = {}) {
  const served = serveModules({
    registry: {
      modules: {
        [SG]: {
          '1.0.0': 'git::https://github.com/acme-mods/terraform-aws-named-rules-sg.git?ref=v1.0.0',
          '1.4.2': 'git::https://github.com/acme-mods/terraform-aws-named-rules-sg.git?ref=v1.4.2',
          '2.0.0-rc1': 'git::https://github.com/acme-mods/terraform-aws-named-rules-sg.git?ref=v2.0.0-rc1',
          '2.0.0': 'git::https://github.com/acme-mods/terraform-aws-named-rules-sg.git?ref=v2.0.0',
        },
        'acme-mods/private-sg/aws': { '1.0.0': 'github.com/acme-mods/private-sg?ref=v1.0.0' },
        'acme-mods/bucket-sg/aws': { '1.0.0': 's3::https://s3.amazonaws.com/bucket/sg.zip' },
      },
      ...(opts.fail ? { fail: opts.fail } : {}),
    },
    repositories: {
      'acme-mods/terraform-aws-named-rules-sg': { 'v1.0.0': sgRepo.v1, 'v1.4.2': sgRepo.v1, 'v2.0.0': sgRepo.v2 },
      'acme-mods/rules-list-sg': { main: fixtureModule('rules-list-sg') },
    },
    ...(opts.delayMs ? { delayMs: opts.delayMs } : {}),
  });
  const registryClient = new RegistryClient({ urls: { 'registry.terraform.io': REGISTRY_URL }, timeoutMs: 2_000 });
  const cache = new RemoteModuleCache();
  const read = (calls: string, bounds: Partial<ModuleBounds> = {}, others: { path: string; content: string }[] = []) =>
    readRemoteModules([{ path: 'main.tf', content: calls }, ...others], {
      registry: registryClient,
      read: githubModuleReader(gitHubClient(served.octokit)),
      cache,
      scope: 'installation-1',
      bounds: { ...DEFAULT_MODULE_BOUNDS, ...bounds },
    });
  return { ...served, registryClient, read };
}

const call = (source: string, version?: string) => `module "m" {\n  source = "${source}"\n${version ? `  version = "${version}"\n` : ''}}\n`;

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('remote modules', () => {
  it('reads a call in a .tf file its .tofu twin shadows: the Terraform reading of a review calls it', async () => {
    const s = setup();
    const out = await s.read(call(SG, '~> 1.0'), {}, [{ path: 'main.tofu', content: '' }]);
    expect(out.resolutions.get(callKey(SG, '~> 1.0'))).toMatchObject({ how: 'registry', version: '1.4.2' });
  });

  it('resolves a registry constraint to the newest allowed release and reads it from GitHub', async () => {
    const s = setup();
    const out = await s.read(call(SG, '~> 1.0'));
    const r = out.resolutions.get(callKey(SG, '~> 1.0'));
    expect(r).toEqual({ dir: '.sg-review-modules/github.com/acme-mods/terraform-aws-named-rules-sg@v1.4.2', how: 'registry', version: '1.4.2' });
    expect(out.files.map((f) => f.path)).toContain('.sg-review-modules/github.com/acme-mods/terraform-aws-named-rules-sg@v1.4.2/main.tf');
    expect(s.registry.requests).toEqual(['GET /.well-known/terraform.json', `GET /v1/modules/${SG}/versions`, `GET /v1/modules/${SG}/1.4.2/download`]);
  });

  it('never picks a prerelease through a range', async () => {
    const s = setup();
    const out = await s.read(call(SG, '>= 1.0'));
    expect(out.resolutions.get(callKey(SG, '>= 1.0'))).toMatchObject({ version: '2.0.0' });
  });

  it('reads a submodule and the parent module it calls inside the same repository', async () => {
    const s = setup();
    const out = await s.read(call(`${SG}//modules/ssh`, '1.0.0'));
    const r = out.resolutions.get(callKey(`${SG}//modules/ssh`, '1.0.0'));
    expect(r).toMatchObject({ dir: '.sg-review-modules/github.com/acme-mods/terraform-aws-named-rules-sg@v1.0.0/modules/ssh', version: '1.0.0' });
    const paths = out.files.map((f) => f.path.split('@v1.0.0/')[1]).sort();
    expect(paths).toEqual(['main.tf', 'modules/ssh/main.tf', 'variables.tf']);
  });

  it('reads a GitHub source at its ref, and the default branch without one (said in a note)', async () => {
    const s = setup();
    const out = await s.read(
      call('github.com/acme-mods/rules-list-sg') + call('git::https://github.com/acme-mods/terraform-aws-named-rules-sg.git?ref=v2.0.0'),
    );
    expect(out.resolutions.get(callKey('github.com/acme-mods/rules-list-sg', ''))).toMatchObject({
      how: 'github',
      version: null,
      note: 'no ref given: the default branch was read',
    });
    expect(out.resolutions.get(callKey('git::https://github.com/acme-mods/terraform-aws-named-rules-sg.git?ref=v2.0.0', ''))).toMatchObject({
      how: 'github',
      version: 'v2.0.0',
    });
  });

  it('a second review of the same modules sends no request', async () => {
    const s = setup();
    const calls = call(SG, '~> 1.0') + call('git::https://github.com/acme-mods/terraform-aws-named-rules-sg.git?ref=v2.0.0');
    await s.read(calls);
    const registryCount = s.registry.requests.length;
    const githubCount = s.github.requests.length;
    expect(registryCount).toBe(3);
    expect(githubCount).toBe(2);
    const again = await s.read(calls);
    expect(again.resolutions.get(callKey(SG, '~> 1.0'))).toMatchObject({ version: '1.4.2' });
    expect(s.registry.requests.length).toBe(registryCount);
    expect(s.github.requests.length).toBe(githubCount);
  });

  it.each([
    ['a private repository', call('acme-mods/private-sg/aws', '1.0.0'), /acme-mods\/private-sg does not exist or this installation cannot read it/],
    ['an unknown module', call('acme-mods/nothing/aws', '1.0.0'), /the registry does not know it \(404\)/],
    ['no satisfying version', call(SG, '~> 9.0'), /no version of acme-mods\/named-rules-sg\/aws satisfies "~> 9.0" \(the registry lists 4, newest: .*2.0.0\)/],
    ['a location outside GitHub', call('acme-mods/bucket-sg/aws', '1.0.0'), /from outside GitHub, which is not read/],
    ['a missing ref', call('github.com/acme-mods/rules-list-sg?ref=v9'), /has no Terraform files at v9/],
    ['an S3 source', call('s3::https://s3.amazonaws.com/b/sg.zip'), /s3:: sources are not read/],
  ])('%s is reported with the reason', async (_name, calls, reason) => {
    const s = setup();
    const out = await s.read(calls);
    const [r] = [...out.resolutions.values()];
    expect(r).toMatchObject({ dir: null });
    expect(r!.dir === null && r!.reason).toMatch(reason);
  });

  it('a registry that is down gives a reason, not an error', async () => {
    const s = setup({ fail: () => ({ status: 503 }) });
    const out = await s.read(call(SG, '~> 1.0'));
    expect(out.resolutions.get(callKey(SG, '~> 1.0'))).toEqual({ dir: null, reason: 'service discovery of registry.terraform.io: the registry answered 503' });
  });

  it('a registry that does not answer in time is bounded', async () => {
    const s = setup({ delayMs: (h) => (h === 'registry' ? 5_000 : 0) });
    const started = Date.now();
    const out = await s.read(call(SG, '~> 1.0'));
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(out.resolutions.get(callKey(SG, '~> 1.0'))).toMatchObject({ reason: expect.stringMatching(/no answer within 2 s/) });
  });

  it('the review-wide time bound stops slow GitHub reads', async () => {
    const s = setup({ delayMs: (h) => (h === 'github' ? 3_000 : 0) });
    const out = await s.read(call(SG, '~> 1.0'), { timeoutMs: 500 });
    expect(out.resolutions.get(callKey(SG, '~> 1.0'))).toMatchObject({
      reason: expect.stringMatching(/longer than 0.5 s \(bound: modules.timeout_seconds or SG_REVIEW_MODULE_TIMEOUT_SECONDS\)/),
    });
  });

  it('a module over the byte bound, and modules over the count bound, are not read', async () => {
    const s = setup();
    const big = await s.read(call(SG, '~> 1.0'), { maxBytes: 1_000 });
    expect(big.resolutions.get(callKey(SG, '~> 1.0'))).toMatchObject({ reason: expect.stringMatching(/over the 1 KB of module code read per review/) });
    expect(big.files).toEqual([]);
    const many = await s.read(call(SG, '~> 1.0') + call(SG, '2.0.0'), { maxModules: 1 });
    expect(many.resolutions.get(callKey(SG, '2.0.0'))).toMatchObject({ reason: expect.stringMatching(/more than 1 remote modules/) });
  });
});

describe('module bounds', () => {
  it('a key the configuration sets wins over the environment, per key; the environment over the defaults', () => {
    const env = { SG_REVIEW_MODULE_MAX_COUNT: '10', SG_REVIEW_MODULE_MAX_BYTES: '5000', SG_REVIEW_MODULE_TIMEOUT_SECONDS: 'x' };
    expect(moduleBounds(env, { max_count: 2 })).toEqual({ maxModules: 2, maxBytes: 5000, timeoutMs: DEFAULT_MODULE_BOUNDS.timeoutMs });
    expect(moduleBounds({})).toEqual(DEFAULT_MODULE_BOUNDS);
  });
});
