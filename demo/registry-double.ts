// A Terraform module registry double: service discovery, version lists and download locations
// (the module registry protocol), served from a table. The demo serves it on 127.0.0.1; the
// tests plug it into nock. It records every request.
import type { Reply } from './github-double.js';

export interface RegistryDoubleOptions {
  /** "ns/name/provider" → version → where its code is (an `X-Terraform-Get` value). */
  modules: Record<string, Record<string, string>>;
  /** Return a reply to make a request fail (503, a slow answer …). */
  fail?: (path: string) => Reply | null;
}

export class RegistryDouble {
  readonly requests: string[] = [];
  constructor(readonly options: RegistryDoubleOptions) {}

  handle(method: string, url: string): Reply {
    const path = new URL(url, 'http://x').pathname;
    this.requests.push(`${method} ${path}`);
    const failure = this.options.fail?.(path);
    if (failure) return failure;
    if (path === '/.well-known/terraform.json') return { status: 200, body: { 'modules.v1': '/v1/modules/' } };
    let m = /^\/v1\/modules\/([^/]+\/[^/]+\/[^/]+)\/versions$/.exec(path);
    if (m) {
      const versions = this.options.modules[m[1]!];
      if (!versions) return { status: 404, body: { errors: ['Not Found'] } };
      return { status: 200, body: { modules: [{ source: m[1], versions: Object.keys(versions).map((version) => ({ version })) }] } };
    }
    m = /^\/v1\/modules\/([^/]+\/[^/]+\/[^/]+)\/([^/]+)\/download$/.exec(path);
    const location = m ? this.options.modules[m[1]!]?.[decodeURIComponent(m[2]!)] : undefined;
    if (location) return { status: 204, headers: { 'x-terraform-get': location } };
    return { status: 404, body: { errors: ['Not Found'] } };
  }
}
