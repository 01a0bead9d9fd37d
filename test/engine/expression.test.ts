import { describe, expect, it } from 'vitest';
import { parseExpression, parseTemplate } from '../../src/engine/hcl/expression.js';

const strip = (n: unknown) => JSON.parse(JSON.stringify(n, (k, v) => (k === 'src' ? undefined : v)));

describe('parseExpression', () => {
  it('a malformed or out-of-range unicode escape is a syntax error with an offset, never a RangeError', () => {
    for (const s of ['"\\U', '"\\uZZZZ"', '"\\U00110000"']) {
      expect(() => parseExpression(s)).toThrow(expect.objectContaining({ name: 'Error', offset: expect.any(Number) }));
    }
    expect(() => parseExpression('"\\u0041"')).not.toThrow();
  });

  it('respects operator precedence and conditionals', () => {
    const n = strip(parseExpression('a.x && b.y || !c ? 1 + 2 * 3 : -4'));
    expect(n.kind).toBe('conditional');
    expect(n.test.op).toBe('||');
    expect(n.test.left.op).toBe('&&');
    expect(n.then.op).toBe('+');
    expect(n.then.right.op).toBe('*');
    expect(n.else).toEqual({ kind: 'unary', op: '-', operand: { kind: 'literal', value: 4 } });
  });

  it('parses traversals, legacy index, splats and calls with expansion', () => {
    expect(strip(parseExpression('aws_security_group.this.*.id')).kind).toBe('splat');
    expect(strip(parseExpression('var.list[*].id')).ops).toEqual([{ kind: 'attr', name: 'id' }]);
    expect(strip(parseExpression('list.0')).key).toEqual({ kind: 'literal', value: 0 });
    const call = strip(parseExpression('concat(a, [1, 2]...)'));
    expect(call).toMatchObject({ kind: 'call', name: 'concat', expand: true });
    expect(call.args).toHaveLength(2);
  });

  it('parses for expressions with keys, conditions and grouping', () => {
    const t = strip(parseExpression('[for i, c in var.x : upper(c) if c != ""]'));
    expect(t).toMatchObject({ kind: 'for', result: 'tuple', keyVar: 'i', valueVar: 'c' });
    expect(t.condition.op).toBe('!=');
    const o = strip(parseExpression('{ for k, v in m : v => k... }'));
    expect(o).toMatchObject({ kind: 'for', result: 'object', group: true });
  });

  it('parses objects with bare, quoted and parenthesised keys', () => {
    const o = strip(parseExpression('{ a = 1, "b" : 2\n (var.k) = 3 }'));
    expect(o.items.map((i: { key: unknown }) => i.key)).toEqual([
      { kind: 'literal', value: 'a' },
      { kind: 'literal', value: 'b' },
      { kind: 'attr', object: { kind: 'variable', name: 'var' }, name: 'k' },
    ]);
  });

  it('parses nested templates and escapes inside quoted strings', () => {
    const n = strip(parseExpression('"a\\"${b ? "x}" : "y"}-$${c}"'));
    expect(n.kind).toBe('template');
    expect(n.parts[0]).toBe('a"');
    expect(n.parts[1].expr.kind).toBe('conditional');
    expect(n.parts[2]).toBe('-${c}');
  });

  it('reports a syntax error with its offset', () => {
    expect(() => parseExpression('foo(')).toThrow(/end of expression|expected/);
  });
});

describe('parseTemplate', () => {
  it('keeps text, interpolations and directives', () => {
    const n = strip(parseTemplate('pre-${var.x}%{ if a }yes%{ else }no%{ endif }'));
    expect(n.parts[0]).toBe('pre-');
    expect(n.parts[1].kind).toBe('interp');
    expect(n.parts[2]).toMatchObject({ kind: 'if', then: ['yes'], else: ['no'] });
  });
});
