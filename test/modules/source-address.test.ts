import { describe, expect, it } from 'vitest';
import { parseSourceAddress, registryName } from '../../src/engine/modules/source-address.js';

describe('module source addresses', () => {
  it.each([
    ['./modules/sg', { kind: 'local', path: './modules/sg' }],
    ['../../shared/sg', { kind: 'local', path: '../../shared/sg' }],
    // Terraform accepts backslashes after a local prefix and reads them as slashes
    ['.\\modules\\sg', { kind: 'local', path: './modules/sg' }],
    ['..\\shared/sg', { kind: 'local', path: '../shared/sg' }],
    [
      'terraform-aws-modules/security-group/aws',
      { kind: 'registry', host: 'registry.terraform.io', namespace: 'terraform-aws-modules', name: 'security-group', provider: 'aws', subdir: '' },
    ],
    [
      'terraform-aws-modules/security-group/aws//modules/ssh',
      { kind: 'registry', host: 'registry.terraform.io', namespace: 'terraform-aws-modules', name: 'security-group', provider: 'aws', subdir: 'modules/ssh' },
    ],
    ['app.terraform.io/acme/sg/aws', { kind: 'registry', host: 'app.terraform.io', namespace: 'acme', name: 'sg', provider: 'aws', subdir: '' }],
    ['localhost:8080/acme/sg/aws', { kind: 'registry', host: 'localhost:8080', namespace: 'acme', name: 'sg', provider: 'aws', subdir: '' }],
    ['github.com/acme/net//sg?ref=v1.2.0', { kind: 'github', owner: 'acme', repo: 'net', ref: 'v1.2.0', subdir: 'sg' }],
    ['github.com/acme/net', { kind: 'github', owner: 'acme', repo: 'net', ref: null, subdir: '' }],
    ['git::https://github.com/acme/net.git//modules/sg?ref=main', { kind: 'github', owner: 'acme', repo: 'net', ref: 'main', subdir: 'modules/sg' }],
    ['git::ssh://git@github.com/acme/net.git?ref=abc123', { kind: 'github', owner: 'acme', repo: 'net', ref: 'abc123', subdir: '' }],
    ['git@github.com:acme/net.git', { kind: 'github', owner: 'acme', repo: 'net', ref: null, subdir: '' }],
    ['git::git@github.com:acme/net.git?ref=v2//sub', { kind: 'github', owner: 'acme', repo: 'net', ref: 'v2', subdir: 'sub' }],
    ['https://github.com/acme/net?depth=1&ref=v3', { kind: 'github', owner: 'acme', repo: 'net', ref: 'v3', subdir: '' }],
  ])('%s', (source, expected) => {
    expect(parseSourceAddress(source)).toEqual(expected);
  });

  it.each([
    ['s3::https://s3.amazonaws.com/bucket/sg.zip', /s3:: sources are not read/],
    ['git::https://gitlab.com/acme/net.git', /git:: sources are not read/],
    ['https://example.com/sg.zip', /only GitHub repositories/],
    ['github.com/acme/net/sg', /not a local path/],
    ['modules/sg', /not a local path/],
  ])('%s is not followed, with a reason', (source, reason) => {
    const a = parseSourceAddress(source);
    expect(a.kind).toBe('other');
    expect(a.kind === 'other' && a.reason).toMatch(reason);
  });

  it('names public registry modules without their host', () => {
    expect(registryName({ host: 'registry.terraform.io', namespace: 'a', name: 'b', provider: 'aws' })).toBe('a/b/aws');
    expect(registryName({ host: 'r.example.com', namespace: 'a', name: 'b', provider: 'aws' })).toBe('r.example.com/a/b/aws');
  });
});
