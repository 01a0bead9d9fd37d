// The Terraform module registry protocol: service discovery (`/.well-known/terraform.json`,
// key `modules.v1`), the version list, and the download location (`X-Terraform-Get`, or a
// `location` in a JSON body). Version lists are kept for a while (new releases appear); the
// location of a (module, version) is immutable and kept until the cache evicts it.
import { LRUCache } from 'lru-cache';
import { DEFAULT_REGISTRY, registryName } from '../engine/modules/source-address.js';
import { ModuleReadError } from '../engine/modules/resolution.js';
import { ConstraintError, resolveVersion } from '../engine/modules/version-constraint.js';

export interface RegistryModule {
  host: string;
  namespace: string;
  name: string;
  provider: string;
}

export interface RegistryOptions {
  /** Base URL per registry host, instead of `https://<host>` (private mirrors, tests). */
  urls?: Record<string, string>;
  /** Per request. */
  timeoutMs?: number;
  /** How long a version list is reused before it is asked again. */
  versionsTtlMs?: number;
}

/** Registry base URLs from the environment: `SG_REVIEW_REGISTRY_URL` for the public registry,
 * `SG_REVIEW_REGISTRY_URLS` = `host=url,host=url` for others. */
export function registryUrlsFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const pair of (env['SG_REVIEW_REGISTRY_URLS'] ?? '').split(',')) {
    const i = pair.indexOf('=');
    if (i > 0) urls[pair.slice(0, i).trim().toLowerCase()] = pair.slice(i + 1).trim();
  }
  if (env['SG_REVIEW_REGISTRY_URL']) urls[DEFAULT_REGISTRY] = env['SG_REVIEW_REGISTRY_URL'];
  return urls;
}

export class RegistryClient {
  readonly #urls: Record<string, string>;
  readonly #timeoutMs: number;
  readonly #discovery = new LRUCache<string, string>({ max: 64, ttl: 60 * 60_000 });
  readonly #versions: LRUCache<string, string[]>;
  readonly #locations = new LRUCache<string, string>({ max: 2_000 });
  /** HTTP requests made so far (the README states what a review costs). */
  requests = 0;

  constructor(options: RegistryOptions = {}) {
    this.#urls = options.urls ?? {};
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#versions = new LRUCache({ max: 1_000, ttl: options.versionsTtlMs ?? 10 * 60_000 });
  }

  /** The newest version allowed by `constraint`, and where its code is. */
  async resolve(module: RegistryModule, constraint: string): Promise<{ version: string; location: string }> {
    const name = registryName(module);
    const versions = await this.#versionList(module);
    let version: string | null;
    try {
      version = resolveVersion(versions, constraint);
    } catch (e) {
      if (e instanceof ConstraintError) throw new ModuleReadError(`the version constraint is invalid: ${e.message}`);
      throw e;
    }
    if (!version) {
      const shown = versions.slice(-5).join(', ');
      throw new ModuleReadError(`no version of ${name} satisfies "${constraint}" (the registry lists ${versions.length}${shown ? `, newest: ${shown}` : ''})`);
    }
    const key = `${name}@${version}`;
    let location = this.#locations.get(key);
    if (location === undefined) {
      location = await this.#download(module, version);
      this.#locations.set(key, location);
    }
    return { version, location };
  }

  async #modulesBase(host: string): Promise<string> {
    const cached = this.#discovery.get(host);
    if (cached) return cached;
    const root = (this.#urls[host] ?? `https://${host}`).replace(/\/*$/, '/');
    const url = new URL('.well-known/terraform.json', root);
    const body = (await this.#get(url, `service discovery of ${host}`)).json as Record<string, unknown> | null;
    const modules = body?.['modules.v1'];
    if (typeof modules !== 'string') throw new ModuleReadError(`${host} is not a module registry (its service discovery has no modules.v1)`);
    const base = new URL(modules, url).toString().replace(/\/*$/, '/');
    this.#discovery.set(host, base);
    return base;
  }

  async #versionList(module: RegistryModule): Promise<string[]> {
    const name = registryName(module);
    const cached = this.#versions.get(name);
    if (cached) return cached;
    const url = new URL(`${module.namespace}/${module.name}/${module.provider}/versions`, await this.#modulesBase(module.host));
    const body = (await this.#get(url, `the version list of ${name}`)).json as { modules?: { versions?: { version?: unknown }[] }[] } | null;
    const versions = (body?.modules?.[0]?.versions ?? []).map((v) => v.version).filter((v): v is string => typeof v === 'string');
    this.#versions.set(name, versions);
    return versions;
  }

  async #download(module: RegistryModule, version: string): Promise<string> {
    const name = registryName(module);
    const url = new URL(`${module.namespace}/${module.name}/${module.provider}/${encodeURIComponent(version)}/download`, await this.#modulesBase(module.host));
    const answer = await this.#get(url, `the download location of ${name} ${version}`);
    const location = answer.header ?? (answer.json as { location?: unknown } | null)?.location;
    if (typeof location !== 'string' || !location) throw new ModuleReadError(`the registry gave no download location for ${name} ${version}`);
    // a relative location is relative to the download URL
    return /^[./]/.test(location) ? new URL(location, url).toString() : location;
  }

  async #get(url: URL, what: string): Promise<{ json: unknown; header: string | null }> {
    this.requests++;
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(this.#timeoutMs), redirect: 'follow' });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new ModuleReadError(timedOut ? `${what}: no answer within ${this.#timeoutMs / 1000} s` : `${what}: the registry could not be reached`);
    }
    if (res.status === 404) throw new ModuleReadError(`${what}: the registry does not know it (404)`);
    if (!res.ok) throw new ModuleReadError(`${what}: the registry answered ${res.status}`);
    const text = res.status === 204 ? '' : await res.text();
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        throw new ModuleReadError(`${what}: the registry answered with something that is not JSON`);
      }
    }
    return { json, header: res.headers.get('x-terraform-get') };
  }
}
