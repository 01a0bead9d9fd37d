// Nothing crashes on broken input: real corpus files, cut and spliced at random, always give a
// model (with parse errors where hcl2json refuses them), never an exception or a hang.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusPresent } from '../helpers/corpus.js';
import { parseExpression, parseTemplate } from '../../src/engine/hcl/expression.js';
import { evaluateSafely, type ModuleContext } from '../../src/engine/evaluate/evaluate.js';
import { Ref, Unknown, type Value } from '../../src/engine/evaluate/value.js';
import { locateHcl } from '../../src/engine/hcl/locate.js';
import { FileParser } from '../../src/engine/hcl/parse.js';
import { loadModel } from '../../src/engine/load.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { review } from '../../src/engine/review.js';

// seeds: the real-world corpus when present, and always the repository's own examples and scenarios
const SEEDS = [join(CORPUS, 'real-world'), join(import.meta.dirname, '../../examples'), join(import.meta.dirname, '../scenarios')];

function sample(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.tf') && out.length < 400) out.push(readFileSync(p, 'utf8'));
    }
  };
  corpusPresent();
  for (const dir of SEEDS) if (existsSync(dir)) walk(dir);
  return out.filter((t) => /aws_security_group|ingress|egress/.test(t)).slice(0, 60);
}

const files = sample();
const parser = new FileParser();

describe('fuzz', () => {
  it('has seed files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('mutated Terraform never crashes the locator, the parser, the evaluator or the review', async () => {
    const mutation = fc.record({
      file: fc.integer({ min: 0, max: files.length - 1 }),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 0, max: 40 }),
      insert: fc.constantFrom('', '{', '}', '"', '${', '<<EOT\n', '#', '/*', '[', ']', '(', 'var.', '= ', '\n', 'dynamic "ingress" {'),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const text = files[m.file]!;
        const at = Math.floor(m.cut * text.length);
        const mutated = text.slice(0, at) + m.insert + text.slice(at + m.length);
        expect(() => locateHcl(mutated)).not.toThrow();
        const model = await loadModel([{ path: 'main.tf', content: mutated }], parser);
        expect(() => review(model, model, DEFAULT_CONFIG)).not.toThrow();
      }),
      { numRuns: 120 },
    );
  });

  it('expressions built from HCL tokens evaluate to a value or an Unknown, never an exception', () => {
    const token = fc.constantFrom(
      'var.list',
      'var.map',
      'local.x',
      'each.value',
      'count.index',
      'aws_security_group.a',
      'data.x.y',
      'module.m',
      '[',
      ']',
      '(',
      ')',
      '{',
      '}',
      '1',
      '0',
      '-1',
      '"a"',
      '"10.0.0.0/8"',
      'null',
      'true',
      'false',
      '+',
      '-',
      '*',
      '/',
      '%',
      '==',
      '!=',
      '<',
      '&&',
      '||',
      '!',
      '?',
      ':',
      ',',
      '.',
      '.*',
      '[*]',
      '...',
      '=>',
      '=',
      'for',
      'in',
      'if',
      'x',
      'concat(',
      'lookup(',
      'cidrsubnet(',
      'element(',
      'merge(',
      'length(',
      'try(',
      'join(',
      'split(',
      'format(',
      'range(',
    );
    const names = new Map<string, Value>([['x', 1]]);
    const ctx: ModuleContext = {
      variable: (n) => (n === 'list' ? ['a', 'b'] : n === 'map' ? { k: 'v' } : new Unknown(`var.${n}`, 'no value')),
      local: () => 'l',
      resource: (t, n) => new Ref(`${t}.${n}`, ''),
      moduleCall: (n, src) => new Unknown(src, n),
      dataSource: (t, n) => new Unknown(`data.${t}.${n}`, 'data'),
      path: '.',
    };
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 12 }), (tokens) => {
        const src = tokens.join(' ');
        expect(() => evaluateSafely(() => parseExpression(src), { module: ctx, names }, src)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  it('arbitrary strings never crash the expression and template parsers with anything but a syntax error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          parseExpression(s);
        } catch (e) {
          expect((e as Error).name).toBe('Error');
          expect((e as { offset?: number }).offset).toBeTypeOf('number');
        }
        try {
          parseTemplate(s);
        } catch (e) {
          expect((e as { offset?: number }).offset).toBeTypeOf('number');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
