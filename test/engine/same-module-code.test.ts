// One finding per line across module instances: merged findings name the first other
// instances and count the rest.
import { describe, expect, it } from 'vitest';
import { mergeAcrossInstances } from '../../src/engine/findings/same-module-code.js';
import type { Finding } from '../../src/engine/result.js';

const finding = (stack: string): Finding => ({
  rule: 'missing-description',
  severity: 'low',
  suppressed: false,
  fingerprint: '0'.repeat(32),
  title: 'A rule has no description',
  message: `module.${stack}.aws_security_group_rule.ssh has no description.`,
  resource: `module.${stack}.aws_security_group_rule.ssh`,
  location: { file: 'modules/sg/main.tf', startLine: 3, endLine: 9 },
});

describe('mergeAcrossInstances', () => {
  it('names five other instances and counts the rest', () => {
    const stacks = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
    const merged = mergeAcrossInstances(stacks.map(finding));
    expect(merged).toHaveLength(1);
    expect(merged[0]!.resource).toBe('module.s1.aws_security_group_rule.ssh');
    expect(merged[0]!.message).toBe(
      'module.s1.aws_security_group_rule.ssh has no description.\n\nThe same module code gives the same finding through 7 other instances: ' +
        '`module.s2.aws_security_group_rule.ssh`, `module.s3.aws_security_group_rule.ssh`, `module.s4.aws_security_group_rule.ssh`, ' +
        '`module.s5.aws_security_group_rule.ssh`, `module.s6.aws_security_group_rule.ssh` and 2 more.',
    );
  });

  it('names all of them up to five, without a count', () => {
    const merged = mergeAcrossInstances(['a', 'b', 'c', 'd', 'e', 'f'].map(finding));
    expect(merged[0]!.message).toMatch(/through 5 other instances: .*`module\.f\.aws_security_group_rule\.ssh`\.$/);
  });
});
