// Every JSON document the CLI prints matches the sg-review/v1 schema, and the published JSON
// Schema file is generated from it.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { resultJsonSchema, resultSchema } from '../../src/render/result-schema.js';

const ROOT = join(import.meta.dirname, '../..');
const SCHEMA_FILE = join(ROOT, 'docs/sg-review-v1.schema.json');

async function json(args: string[]) {
  let out = '';
  await runCli([...args, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, cwd: ROOT });
  return JSON.parse(out) as unknown;
}

describe('sg-review/v1 JSON', () => {
  const scenarios = readdirSync(join(ROOT, 'test/scenarios')).flatMap((t) =>
    readdirSync(join(ROOT, 'test/scenarios', t)).map((c) => `test/scenarios/${t}/${c}`),
  );
  it.each(scenarios)('%s matches the schema', async (dir) => {
    const base = join(dir, 'base');
    const doc =
      existsSync(join(ROOT, base)) && readdirSync(join(ROOT, base)).length
        ? await json(['diff', base, join(dir, 'head')])
        : await json(['scan', join(dir, 'head')]);
    const parsed = resultSchema.strict().safeParse(doc);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('docs/sg-review-v1.schema.json is generated from the schema', () => {
    const text = JSON.stringify(resultJsonSchema(), null, 2) + '\n';
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(SCHEMA_FILE, text);
    expect(existsSync(SCHEMA_FILE), 'docs/sg-review-v1.schema.json is missing: UPDATE_GOLDEN=1 npm test writes it').toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(text);
  });
});
