import { describe, expect, it } from 'vitest';
import { alwaysDiffer, type TemplateShape } from '../../src/engine/evaluate/partly-known.js';

const u = (unknown: string) => ({ unknown });

describe('alwaysDiffer', () => {
  it('tells templates apart by the text written around their unknowns', () => {
    const cases: [TemplateShape, TemplateShape, boolean][] = [
      [[u('var.env'), '-office-access'], [u('var.env'), '-office-access-ssh'], true],
      [['cache-', u('var.env')], ['edge-cache-', u('var.team')], true],
      [[u('var.a'), '-x'], [u('var.b'), '-x'], false],
      // "a" + x and x + "a" are equal when x is a run of "a"
      [['a', u('var.x')], [u('var.x'), 'a'], false],
      // the same unknowns, written text of another length
      [['p-', u('var.x'), '-', u('var.y')], ['p-', u('var.x'), '--', u('var.y')], true],
      // another unknown in between: its length may make up the difference
      [['p-', u('var.x')], ['p-', u('var.x'), u('var.y')], false],
      // a known value shorter than the text written around an unknown
      [['ab'], ['abc-', u('var.x')], true],
      [['abc-x'], ['abc-', u('var.x')], false],
      [['a'], ['b'], true],
    ];
    for (const [a, b, differ] of cases) {
      expect(alwaysDiffer(a, b), JSON.stringify([a, b])).toBe(differ);
      expect(alwaysDiffer(b, a), JSON.stringify([b, a])).toBe(differ);
    }
  });
});
