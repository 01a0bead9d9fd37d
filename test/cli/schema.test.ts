// The output contract is declared once (src/engine/result.ts): every JSON document the CLI
// prints matches it, and the published JSON Schema file is generated from it and accepts the
// same documents.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../src/cli/run.js';
import { reviewResultSchema } from '../../src/engine/result.js';

// CommonJS: the default import is module.exports, the class
const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const ROOT = join(import.meta.dirname, '../..');
const SCHEMA_FILE = join(ROOT, 'docs/sg-review-v1.schema.json');
const generated = JSON.stringify(z.toJSONSchema(reviewResultSchema), null, 2) + '\n';

async function json(args: string[]) {
  let out = '';
  await runCli([...args, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, cwd: ROOT });
  return JSON.parse(out) as unknown;
}

describe('sg-review/v1 JSON', () => {
  it('docs/sg-review-v1.schema.json is generated from the contract', () => {
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(existsSync(SCHEMA_FILE), 'docs/sg-review-v1.schema.json is missing: UPDATE_GOLDEN=1 npm test writes it').toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'the published schema differs from src/engine/result.ts: UPDATE_GOLDEN=1 rewrites it').toBe(generated);
  });

  it('the published schema rejects a field the contract does not declare', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(generated) as object);
    const doc = {
      schema: 'sg-review/v1',
      conclusion: 'success',
      stats: {},
      findings: [],
      closed: [],
      unmanaged: [],
      modules: [],
      suppressionProblems: [],
      suppressions: [],
      unreadAtBase: [],
      unreadAtHead: [],
      ignoredFiles: [],
    };
    const stats = { files: 0, groups: 0, rules: 0 };
    expect(validate({ ...doc, stats: { base: stats, head: stats } })).toBe(true);
    expect(validate({ ...doc, stats: { base: stats, head: { ...stats, extra: 1 } } })).toBe(false);
  });

  const published = new Ajv2020({ strict: false, allErrors: true }).compile(
    existsSync(SCHEMA_FILE) ? (JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object) : {},
  );
  const scenarios = readdirSync(join(ROOT, 'test/scenarios')).flatMap((t) =>
    readdirSync(join(ROOT, 'test/scenarios', t)).map((c) => `test/scenarios/${t}/${c}`),
  );
  it.each(scenarios)('%s matches the contract and the published schema', async (dir) => {
    const base = join(dir, 'base');
    const doc =
      existsSync(join(ROOT, base)) && readdirSync(join(ROOT, base)).length
        ? await json(['diff', base, join(dir, 'head')])
        : await json(['scan', join(dir, 'head')]);
    expect(reviewResultSchema.safeParse(doc).error?.issues ?? []).toEqual([]);
    published(doc);
    expect(published.errors ?? []).toEqual([]);
  });
});
