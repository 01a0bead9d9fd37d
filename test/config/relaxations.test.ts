// What a proposed configuration relaxes compared with the one in force (config/relaxations.ts).
import { describe, expect, it } from 'vitest';
import { compareConfigs } from '../../src/config/relaxations.js';
import { validateConfig } from '../../src/config/schema.js';

const config = (raw: object) => validateConfig(raw, 'test');
const keysRelaxed = (base: object, head: object) => compareConfigs(config(base), config(head)).relaxed.map((r) => /^`([\w.]+)`/.exec(r)![1]);

describe('configuration relaxations', () => {
  it('each key that lets a later pull request pass with less reported', () => {
    expect(keysRelaxed({}, { fail_on: 'never', on_error: 'neutral' })).toEqual(['fail_on', 'on_error']);
    expect(keysRelaxed({ paths: ['infra/**', 'live/**'] }, { paths: ['infra/**'] })).toEqual(['paths']);
    expect(keysRelaxed({}, { allowed_public_ports: [80, 443, 22] })).toEqual(['allowed_public_ports']);
    expect(keysRelaxed({}, { sensitive_ports: [22] })).toEqual(['sensitive_ports']);
    expect(keysRelaxed({ sensitive_ports: [22, 3389] }, { sensitive_ports: [22] })).toEqual(['sensitive_ports']);
    expect(keysRelaxed({}, { rule_quota: 100 })).toEqual(['rule_quota']);
    expect(keysRelaxed({}, { label_only_modules: ['github.com/acme/sg'] })).toEqual(['label_only_modules']);
    expect(keysRelaxed({}, { suppression_approvers: ['mallory'] })).toEqual(['suppression_approvers']);
    expect(keysRelaxed({ suppression_approvers: ['bob'] }, { suppression_approvers: ['bob', 'mallory'] })).toEqual(['suppression_approvers']);
    expect(keysRelaxed({}, { applied_with: 'terraform' })).toEqual(['applied_with']);
    expect(keysRelaxed({}, { max_data_file_bytes: 99_000_000, modules: { max_count: 100 } })).toEqual(['max_data_file_bytes', 'modules.max_count']);
  });

  it('a tighter or neutral change relaxes nothing and is listed as another change', () => {
    const base = config({ fail_on: 'critical', disabled_rules: ['missing-description'], paths: ['infra/**'], rule_quota: 100 });
    const head = config({ fail_on: 'low', paths: ['infra/**', 'live/**'], rule_quota: 50, max_hops: 2, review_comments: false });
    expect(compareConfigs(base, head)).toEqual({ relaxed: [], otherwise: ['fail_on', 'paths', 'rule_quota', 'max_hops', 'review_comments', 'disabled_rules'] });
  });
});
