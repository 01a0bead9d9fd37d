import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConstraintError, compareVersions, parseConstraints, parseVersion, resolveVersion, satisfies } from '../../src/engine/modules/version-constraint.js';

const ok = (version: string, constraint: string) => satisfies(parseVersion(version)!, parseConstraints(constraint));
const seg = fc.integer({ min: 0, max: 12 });
const triple = fc.tuple(seg, seg, seg);
const text = ([a, b, c]: [number, number, number]) => `${a}.${b}.${c}`;
const cmp = (x: [number, number, number], y: [number, number, number]) => compareVersions(parseVersion(text(x))!, parseVersion(text(y))!);

describe('Terraform version constraints', () => {
  it.each([
    ['5.1.0', '~> 5.1', true],
    ['5.9.3', '~> 5.1', true],
    ['6.0.0', '~> 5.1', false],
    ['5.0.9', '~> 5.1', false],
    ['5.1.2', '~> 5.1.2', true],
    ['5.1.9', '~> 5.1.2', true],
    ['5.2.0', '~> 5.1.2', false],
    ['7.0.0', '~> 5', true],
    ['4.9.9', '~> 5', false],
    ['1.2.3', '1.2.3', true],
    ['1.2.4', '= 1.2.3', false],
    ['1.2.3', '!= 1.2.3', false],
    ['2.0.0', '>= 1.0, < 2.0', false],
    ['1.9.9', '>= 1.0, < 2.0', true],
    ['1.0.0', '> 1.0', false],
    ['1.0.0', '<= 1.0', true],
    ['v1.0.0', '1.0.0', true],
    ['1.0.0+build.5', '= 1.0.0', true],
    ['2.0.0-beta1', '>= 1.0', false],
    ['2.0.0-beta1', '~> 2.0', false],
    ['2.0.0-beta1', '= 2.0.0-beta1', true],
    ['2.0.0-beta1', '2.0.0-beta1, >= 1.0', true],
  ])('%s against "%s" is %s', (version, constraint, expected) => {
    expect(ok(version, constraint)).toBe(expected);
  });

  it('rejects a malformed constraint with its text', () => {
    expect(() => parseConstraints('>= banana')).toThrow(ConstraintError);
    expect(() => parseConstraints('^1.2')).toThrow(/"\^1.2" is not a version constraint/);
  });

  it('orders prereleases before their release, numerically by identifier', () => {
    const sorted = ['1.0.0', '1.0.0-rc.10', '1.0.0-alpha', '1.0.0-rc.2', '0.9.9', '1.0.0-alpha.1'].sort((a, b) =>
      compareVersions(parseVersion(a)!, parseVersion(b)!),
    );
    expect(sorted).toEqual(['0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0']);
  });

  it('~> a.b means >= a.b.0 and < (a+1).0.0', () => {
    fc.assert(
      fc.property(triple, seg, seg, (v, a, b) => {
        expect(ok(text(v), `~> ${a}.${b}`)).toBe(cmp(v, [a, b, 0]) >= 0 && cmp(v, [a + 1, 0, 0]) < 0);
      }),
    );
  });

  it('~> a.b.c means >= a.b.c and < a.(b+1).0', () => {
    fc.assert(
      fc.property(triple, triple, (v, c) => {
        expect(ok(text(v), `~> ${text(c)}`)).toBe(cmp(v, c) >= 0 && cmp(v, [c[0], c[1] + 1, 0]) < 0);
      }),
    );
  });

  it('picks the newest satisfying release, never a prerelease through a range', () => {
    fc.assert(
      fc.property(fc.array(triple, { minLength: 1, maxLength: 15 }), triple, (list, c) => {
        const available = [...list.map(text), `${c[0] + 1}.0.0-rc1`];
        const picked = resolveVersion(available, `>= ${text(c)}`);
        const allowed = list.filter((v) => cmp(v, c) >= 0).sort(cmp);
        expect(picked).toBe(allowed.length ? text(allowed[allowed.length - 1]!) : null);
      }),
    );
  });

  it('an empty constraint picks the newest release', () => {
    expect(resolveVersion(['1.0.0', '3.0.0-beta', '2.1.0', 'not-a-version'], '')).toBe('2.1.0');
  });
});
