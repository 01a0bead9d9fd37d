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
    const head = config({ fail_on: 'low', paths: ['infra/**', 'live/**'], rule_quota: 50, max_hops: 6, review_comments: false });
    expect(compareConfigs(base, head)).toEqual({ relaxed: [], otherwise: ['fail_on', 'paths', 'rule_quota', 'max_hops', 'review_comments', 'disabled_rules'] });
    // presentation only: every finding stays in the check-run summary, the conclusion the same
    expect(compareConfigs(config({}), config({ max_review_comments: 0, max_annotations: 0 })).relaxed).toEqual([]);
    expect(keysRelaxed({ sensitive_ports: [22] }, { sensitive_ports: ['20-30'] })).toEqual([]);
    expect(keysRelaxed({ var_files: { '.': ['prod.tfvars'] } }, {})).toEqual([]);
    expect(keysRelaxed({ applied_with: 'terraform' }, {})).toEqual([]);
  });

  it('a key the head removes is a change, and a relaxation when its absence is looser', () => {
    // absent, anyone with write permission accepts suppressions
    const removed = compareConfigs(config({ suppression_approvers: ['acme/security'] }), config({ fail_on: 'high' }));
    expect(removed.relaxed).toEqual(['`suppression_approvers` removed (was `["acme/security"]`): anyone with write permission may accept suppressions']);
    expect(compareConfigs(config({ review_comments: false }), config({})).otherwise).toEqual(['review_comments']);
  });

  it('a sensitive port dropped, by removing the key or an entry, relaxes', () => {
    // the documented list that applies when the key is removed: no 8080, and SSH and PostgreSQL as tcp only (a list holds for every protocol)
    expect(compareConfigs(config({ sensitive_ports: [22, 3389, 5432, 8080] }), config({})).relaxed).toEqual([
      '`sensitive_ports` removed: the documented list leaves out tcp 8080; udp 22, 5432, 8080: those ports are no longer sensitive',
    ]);
    expect(compareConfigs(config({ sensitive_ports: ['8000-8100'] }), config({ sensitive_ports: [8080] })).relaxed).toEqual([
      '`sensitive_ports` no longer covers tcp 8000-8079, 8081-8100; udp 8000-8079, 8081-8100: those ports are no longer sensitive',
    ]);
  });

  it('a bound lowered turns what lies beyond it into an analysis limit', () => {
    // a path beyond max_hops is a high analysis-limit, not a critical new-internet-path
    expect(keysRelaxed({ max_hops: 4 }, { max_hops: 1 })).toEqual(['max_hops']);
    expect(keysRelaxed({}, { max_instances: 10, review_time_budget: 5, max_link_hops: 1 })).toEqual(['max_instances', 'review_time_budget', 'max_link_hops']);
    expect(keysRelaxed({ modules: { max_count: 50 } }, { modules: { max_count: 5 } })).toEqual(['modules.max_count']);
    expect(keysRelaxed({ modules: { max_bytes: 50_000 } }, {})).toEqual(['modules.max_bytes']);
  });

  it('a var file given to a root, or reordered, relaxes; another tool named relaxes', () => {
    expect(keysRelaxed({}, { var_files: { '.': ['envs/prod.tfvars'] } })).toEqual(['var_files']);
    expect(keysRelaxed({ var_files: { '.': ['a.tfvars', 'b.tfvars'] } }, { var_files: { '.': ['b.tfvars', 'a.tfvars'] } })).toEqual(['var_files']);
    expect(keysRelaxed({ applied_with: 'terraform' }, { applied_with: 'opentofu' })).toEqual(['applied_with']);
  });
});
