import { describe, expect, it } from 'vitest';
import { LABEL_ONLY_MODULES, isLabelOnly } from '../../src/engine/modules/label-only.js';

describe('label-only modules', () => {
  it.each([
    'cloudposse/label/null',
    'registry.terraform.io/cloudposse/label/null',
    'git::https://github.com/cloudposse/terraform-null-label.git?ref=tags/0.25.0',
    'github.com/cloudposse/terraform-null-label?ref=0.24.1',
    'git::https://github.com/cloudposse/terraform-null-label.git',
  ])('%s is on the default list', (source) => {
    expect(isLabelOnly(source, LABEL_ONLY_MODULES)).toBe(true);
  });

  it.each([
    ['a local path of the same name', './cloudposse/label/null'],
    ['another registry host', 'app.terraform.io/cloudposse/label/null'],
    ['another namespace', 'cloudposse-fork/label/null'],
    ['a submodule', 'cloudposse/label/null//modules/x'],
    ['a fork on GitHub', 'git::https://github.com/someone/terraform-null-label.git?ref=tags/0.25.0'],
    ['a pull-request ref', 'git::https://github.com/cloudposse/terraform-null-label.git?ref=refs/pull/7/head'],
    ['a commit (a fork commit is reachable through the parent)', 'github.com/cloudposse/terraform-null-label?ref=0123456789abcdef0123456789abcdef01234567'],
    ['a branch', 'github.com/cloudposse/terraform-null-label?ref=feature'],
    ['a commit of digits only', 'github.com/cloudposse/terraform-null-label?ref=1234567890123456789012345678901234567890'],
    ['another Git host', 'git::https://gitlab.com/cloudposse/terraform-null-label.git'],
  ])('%s is not: %s', (_why, source) => {
    expect(isLabelOnly(source, LABEL_ONLY_MODULES)).toBe(false);
  });

  it('is off with an empty list', () => {
    expect(isLabelOnly('cloudposse/label/null', [])).toBe(false);
  });
});
