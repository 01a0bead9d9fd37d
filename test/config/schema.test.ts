import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';

describe('configuration ports', () => {
  it.each([
    ['allowed_public_ports: [70000]', 'allowed_public_ports.0'],
    ['allowed_public_ports: [-1]', 'allowed_public_ports.0'],
    ['allowed_public_ports: ["443", "8000-70000"]', 'allowed_public_ports.1'],
    ['allowed_public_ports: ["99999"]', 'allowed_public_ports.0'],
    ['sensitive_ports: ["9000-8000"]', 'sensitive_ports.0'],
  ])('%s is rejected naming %s', (text, key) => {
    expect(() => parseConfig(text, 'sg-review.yml')).toThrow(
      new RegExp(`^sg-review\\.yml: "${key.replace('.', '\\.')}": .*(0 to 65535|lower port to the higher)`),
    );
  });

  it('accepts ports and ranges within 0-65535, low to high', () => {
    expect(parseConfig('allowed_public_ports: [0, 65535, "8000-8100", "22-22"]', 'x').allowed_public_ports).toEqual([0, 65535, '8000-8100', '22-22']);
  });
});

describe('disabled_rules', () => {
  it('names the key and the unknown rule id', () => {
    expect(() => parseConfig('disabled_rules: [new-ingres]', 'sg-review.yml')).toThrow(/"disabled_rules\.0": unknown rule "new-ingres"/);
  });

  it('accepts the ids of registered rules', () => {
    expect(parseConfig('disabled_rules: [new-egress, missing-description]', 'sg-review.yml').disabled_rules).toEqual(['new-egress', 'missing-description']);
  });
});

describe('suppression_approvers', () => {
  it('takes logins and org/team slugs; absent means the default policy', () => {
    expect(parseConfig('suppression_approvers: [alice, "@bob", acme/security, "@acme/sre-oncall"]', 'x').suppression_approvers).toEqual([
      'alice',
      '@bob',
      'acme/security',
      '@acme/sre-oncall',
    ]);
    expect(parseConfig('fail_on: high', 'x').suppression_approvers).toBeUndefined();
  });

  it.each(['alice bob', 'acme/security/x', '-alice', ''])('rejects %j naming the key', (entry) => {
    expect(() => parseConfig(`suppression_approvers: [${JSON.stringify(entry)}]`, 'sg-review.yml')).toThrow(/"suppression_approvers\.0": a GitHub login/);
  });
});

describe('modules', () => {
  it('takes the bounds of remote module reads, each optional', () => {
    expect(parseConfig('modules: { max_count: 3, timeout_seconds: 10 }', 'x').modules).toEqual({ max_count: 3, timeout_seconds: 10 });
    expect(parseConfig('fail_on: high', 'x').modules).toEqual({});
  });

  it.each([
    ['modules: { max_count: 0 }', 'modules.max_count'],
    ['modules: { max_bytes: 1000000000 }', 'modules.max_bytes'],
    ['modules: { timeout_seconds: 1.5 }', 'modules.timeout_seconds'],
  ])('%s is rejected naming %s', (text, key) => {
    expect(() => parseConfig(text, 'sg-review.yml')).toThrow(new RegExp(`"${key.replace('.', '\\.')}"`));
  });

  it('rejects an unknown key inside modules', () => {
    expect(() => parseConfig('modules: { max_modules: 3 }', 'sg-review.yml')).toThrow(/unknown key "max_modules"/);
  });
});

describe('label_only_modules', () => {
  it('defaults to cloudposse null-label, is replaced by the key, and [] turns it off', () => {
    expect(parseConfig('fail_on: high', 'x').label_only_modules).toEqual(['cloudposse/label/null', 'github.com/cloudposse/terraform-null-label']);
    expect(parseConfig('label_only_modules: [acme/label/null]', 'x').label_only_modules).toEqual(['acme/label/null']);
    expect(parseConfig('label_only_modules: []', 'x').label_only_modules).toEqual([]);
  });

  it('takes registry addresses and GitHub repositories only, naming the bad entry', () => {
    expect(() => parseConfig('label_only_modules: ["./modules/label"]', 'sg-review.yml')).toThrow(/"label_only_modules\.0": a registry address/);
    expect(() => parseConfig('label_only_modules: ["s3::https://b/label.zip"]', 'sg-review.yml')).toThrow(/"label_only_modules\.0"/);
  });
});
