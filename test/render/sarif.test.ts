// SARIF that code scanning ranks right: every document validates against the SARIF 2.1.0
// JSON Schema (the copy in @microsoft/jest-sarif), and each result's rule carries the result's
// own severity as `security-severity`, which is where GitHub reads an alert's severity from.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { renderSarif } from '../../src/render/sarif.js';

const ROOT = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(join(require.resolve('@microsoft/jest-sarif/package.json'), '../lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// CommonJS modules: the default import is module.exports (the class, the plugin)
const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default;
const addFormats = formats as unknown as typeof formats.default;
// the schema's language-tag pattern is not valid in unicode mode
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface Sarif {
  runs: {
    tool: { driver: { rules: { id: string; properties: Record<string, string> }[] } };
    results: { ruleId: string; ruleIndex: number; properties: { severity: string } }[];
  }[];
}

async function sarif(args: string[]): Promise<Sarif> {
  let out = '';
  await runCli([...args, '--format', 'sarif'], { stdout: (s) => (out += s), stderr: () => {}, cwd: ROOT });
  return JSON.parse(out) as Sarif;
}

const SCORE = { critical: 9, high: 7, medium: 4, low: 0.1, info: 0 } as const;

describe('SARIF', () => {
  it('the schema rejects what is not SARIF', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate(JSON.parse(renderSarif({ findings: [] }, '1.0.0')))).toBe(true);
  });

  const scenarios = readdirSync(join(ROOT, 'test/scenarios')).flatMap((t) =>
    readdirSync(join(ROOT, 'test/scenarios', t)).map((c) => `test/scenarios/${t}/${c}`),
  );
  it.each(['examples/three-tier', ...scenarios])('%s: valid SARIF 2.1.0, each result under a rule of its own severity', async (dir) => {
    const base = join(dir, 'base');
    const doc =
      existsSync(join(ROOT, base)) && readdirSync(join(ROOT, base)).length
        ? await sarif(['diff', base, join(dir, 'head')])
        : await sarif(['scan', join(dir, 'head')]);
    const valid = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = doc.runs[0]!;
    for (const r of run.results) {
      const rule = run.tool.driver.rules[r.ruleIndex]!;
      expect(rule.id).toBe(r.ruleId);
      expect(r.ruleId.endsWith(`/${r.properties.severity}`)).toBe(true);
      // GitHub: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low
      const score = Number(rule.properties['security-severity']);
      const severity = r.properties.severity as keyof typeof SCORE;
      expect(score).toBeGreaterThanOrEqual(SCORE[severity]);
      if (severity !== 'critical') expect(score).toBeLessThan(Object.values(SCORE)[Object.keys(SCORE).indexOf(severity) - 1]!);
    }
  });

  it("a low finding is ranked low whatever its rule's default, and rule ids are unique", async () => {
    const doc = await sarif(['diff', 'examples/three-tier/base', 'examples/three-tier/head']);
    const run = doc.runs[0]!;
    const low = run.results.filter((r) => r.properties.severity === 'low');
    expect(low.length).toBeGreaterThan(0);
    for (const r of low) expect(run.tool.driver.rules[r.ruleIndex]!.properties['security-severity']).toBe('3.0');
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
