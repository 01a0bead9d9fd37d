// yamldecode reads YAML as Terraform does (go-cty-yaml): each expected value below was checked
// with `terraform console` (Terraform 1.11.4). A rules file a PR edits decides what opens, so a
// value read differently is a wrong peer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callFunction } from '../../src/engine/evaluate/functions.js';
import { EvalError } from '../../src/engine/evaluate/value.js';

const decode = (text: string) => callFunction('yamldecode', [text], 'yamldecode(x)');

describe('yamldecode', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['a: y', true],
    ['a: Yes', true],
    ['a: ON', true],
    ['a: True', true],
    ['a: n', false],
    ['a: off', false],
    ['a: NO', false],
    ['a: yEs', 'yEs'],
    ['a: tRuE', 'tRuE'],
    ['a: "yes"', 'yes'],
    ['a: 010', 10],
    ['a: 0o26', 22],
    ['a: 0x16', 22],
    ['a: 1_000', '1_000'],
    ['a: ~', null],
    ['a: !!str 22', '22'],
  ])('%s is %j, as YAML 1.1 booleans beside the 1.2 core numbers', (text, value) => {
    expect(decode(text)).toEqual({ a: value });
  });

  it('a boolean word as a key is the key "true"', () => {
    expect(decode('y: 1')).toEqual({ true: 1 });
  });

  it('merges keys from an anchor (<<), the written key winning', () => {
    expect(decode('anywhere: &anywhere {cidr: 0.0.0.0/0, port: 443}\nssh: {<<: *anywhere, port: 22}')).toEqual({
      anywhere: { cidr: '0.0.0.0/0', port: 443 },
      ssh: { cidr: '0.0.0.0/0', port: 22 },
    });
  });

  it('takes the last of a repeated key', () => {
    expect(decode('office: 10.0.0.0/16\noffice: 0.0.0.0/0')).toEqual({ office: '0.0.0.0/0' });
  });

  it('an unknown tag is an error, and the tagged text is never logged', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const log = vi.spyOn(console, 'warn');
    expect(() => decode('db_password: !vault hunter2')).toThrow(EvalError);
    expect(() => decode('db_password: !vault hunter2')).toThrow(/unsupported tag/);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });
});
