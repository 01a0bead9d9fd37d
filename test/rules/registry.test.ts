// Every registered rule is a documented unit: its docs page (titled with its id, with the fixed
// Terraform as the good example), its row in the README's rule table, and a golden scenario in
// which it fires (the bad example). Docs pages of rules that no longer exist fail too.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_RULES } from '../../src/engine/rules/registry.js';

const ROOT = join(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SCENARIOS = join(ROOT, 'test/scenarios');

/** rule id → the golden scenarios in which it fires */
const firing = new Map<string, string[]>();
for (const theme of readdirSync(SCENARIOS)) {
  for (const name of readdirSync(join(SCENARIOS, theme))) {
    const file = join(SCENARIOS, theme, name, 'expected.json');
    if (!existsSync(file)) continue;
    const expected = JSON.parse(readFileSync(file, 'utf8')) as { findings: { rule: string }[] };
    for (const f of expected.findings) firing.set(f.rule, [...(firing.get(f.rule) ?? []), `${theme}/${name}`]);
  }
}

describe.each(FINDING_RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  const page = join(ROOT, rule.docs);

  it('has a docs page titled with its id, showing the fix (Terraform, or the configuration for analysis-limit)', () => {
    expect(existsSync(page), `${rule.docs} is missing`).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith(`# \`${id}\`\n`)).toBe(true);
    expect(text).toMatch(/```(hcl|yaml)\n[\s\S]+?\n```/);
  });

  it('has a row in the README rule table linking the page', () => {
    expect(README).toMatch(new RegExp(`^\\| \`${id}\` \\|.*\\]\\(${rule.docs.replace(/[.]/g, '[.]')}\\) \\|$`, 'm'));
  });

  it('fires in at least one golden scenario', () => {
    expect(firing.get(id) ?? [], `no test/scenarios/*/*/expected.json has a ${id} finding`).not.toEqual([]);
  });
});

it('every docs page under docs/rules/ belongs to a registered rule', () => {
  const ids = new Set(FINDING_RULES.map((r) => `${r.id}.md`));
  expect(readdirSync(join(ROOT, 'docs/rules')).filter((f) => !ids.has(f))).toEqual([]);
});
