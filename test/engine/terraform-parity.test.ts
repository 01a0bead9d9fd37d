// The evaluator never computes a known value that Terraform would not: each expected value
// below was checked with `terraform console` (Terraform 1.11); where the engine cannot match
// Terraform it must say "unknown", and no function input may crash the evaluator or hang it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/engine/hcl/expression.js';
import { evaluateJson, evaluateSafely, type ModuleContext, type Scope } from '../../src/engine/evaluate/evaluate.js';
import { EVALUATED_FUNCTIONS, callFunction } from '../../src/engine/evaluate/functions.js';
import { EvalError, Unknown, type Value } from '../../src/engine/evaluate/value.js';

const ctx: ModuleContext = {
  variable: (n) => new Unknown(`var.${n}`, 'not declared'),
  local: (n) => new Unknown(`local.${n}`, 'not declared'),
  resource: (type, name) => new Unknown(`${type}.${name}`, 'resource'),
  moduleCall: (name, src) => new Unknown(src, `module ${name}`),
  dataSource: (type, name) => new Unknown(`data.${type}.${name}`, 'data'),
  path: '.',
};
const scope: Scope = { module: ctx, names: new Map() };
const ev = (src: string) => evaluateSafely(() => parseExpression(src), scope, src);

/** The reason of an unknown, or a marker that the value is known (so a test of "unknown" fails on a value). */
const reasonOf = (v: Value) => (v instanceof Unknown ? v.reason : `known: ${JSON.stringify(v)}`);

describe('functions on input they cannot handle', () => {
  it('a case-insensitive regular expression is evaluated, not a crash', () => {
    expect(ev('replace("SSH from 0.0.0.0/0", "/(?i)ssh from /", "")')).toBe('0.0.0.0/0');
    expect(ev('replace("a-b", "/(?P<x>-)/", "[$${x}]")')).toBe('a[-]b');
  });

  it('replace follows Go: its replacement template and its empty matches', () => {
    expect(ev('replace("abc", "/(b)/", "$1x")')).toBe('ac');
    expect(ev('replace("abc", "/(b)/", "$$1")')).toBe('a$1c');
    expect(ev('replace("abc", "/(b)/", "$&")')).toBe('a$&c');
    expect(ev('replace("baaac", "/a*/", "-")')).toBe('-b-c-');
    expect(ev('replace("abc", "", "-")')).toBe('-a-b-c-');
    expect(ev('replace("", "", "-")')).toBe('-');
  });

  it('RE2 syntax JavaScript reads differently is unknown, naming replace', () => {
    for (const pattern of ['\\\\A.*\\\\z', '\\\\pN', '[[:digit:]]', '\\\\Q.\\\\E', '(?s).', '(?m)^a', '(?=a)', '\\\\1', 'a{1001}', '(?i)\\\\w']) {
      const v = ev(`replace("10.1.2.3/32", "/${pattern}/", "0")`);
      expect(reasonOf(v), pattern).toMatch(/^replace\(\): the pattern uses /);
    }
  });

  it('a fractional or negative index is the error Terraform gives, not undefined', () => {
    expect(reasonOf(ev('element(["a", "b"], 0.5)'))).toMatch(/whole number/);
    expect(reasonOf(ev('element(["a", "b"], -1)'))).toMatch(/negative index/);
    expect(ev('element(["a", "b"], 3)')).toBe('b');
    expect(ev('try(element(["a"], 0.5), "fallback")')).toBe('fallback');
  });

  it('chunklist with a negative size is an error, and size 0 is the whole list (no endless loop)', () => {
    expect(reasonOf(ev('chunklist(["a", "b"], -1)'))).toMatch(/must be positive/);
    expect(ev('chunklist(["a", "b"], 0)')).toEqual([['a', 'b']]);
    expect(ev('chunklist(["a", "b", "c"], 2)')).toEqual([['a', 'b'], ['c']]);
  });

  it('slice checks its indices as Terraform does', () => {
    expect(ev('slice(["a", "b", "c"], 1, 3)')).toEqual(['b', 'c']);
    expect(reasonOf(ev('slice(["a", "b"], 0.5, 1)'))).toMatch(/whole number/);
    expect(reasonOf(ev('slice(["a", "b"], 1, 5)'))).toMatch(/out of range/);
  });

  it('no function throws past the evaluator on any arguments (fuzz)', () => {
    const leaf = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer({ min: -3, max: 3 }),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('/(?i)a/', '/[/', '10.0.0.0/8', '::ffff:0:0/96', ''),
    );
    const value = fc.letrec<{ v: Value }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('v'), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(fc.constantFrom(...EVALUATED_FUNCTIONS), fc.array(value, { maxLength: 4 }), (name, args) => {
        try {
          expect(callFunction(name, args, `${name}(…)`)).not.toBeUndefined();
        } catch (e) {
          // Terraform's own errors (try() and can() catch them) are the only ones that may leave
          if (!(e instanceof EvalError)) throw e;
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
  });
});

describe('== and != compare type and value, as Terraform does', () => {
  it.each<[string, boolean]>([
    ['[] == []', true],
    ['{ a = 1 } == { a = 1 }', true],
    ['[1] == ["1"]', false],
    ['[[]] == [[]]', true],
    ['null == []', false],
    ['1 == "1"', false],
    ['tolist(["a"]) == ["a", "b"]', false],
    ['["a"] != ["a"]', false],
    ['"e\\u0301" == "\\u00e9"', true],
  ])('%s is %s', (src, expected) => {
    expect(ev(src)).toBe(expected);
  });

  it.each([
    // a list, set or map is never equal to a tuple or object literal in Terraform (false), but
    // the engine's arrays do not say which they are: unknown, so both branches are reviewed
    'tolist(["a"]) == ["a"]',
    'toset([]) == []',
    'compact([""]) == []',
    'sort([]) == []',
    'tomap({}) == {}',
    'split(",", "") == [""]',
    // doubles are not Terraform's arbitrary-precision numbers
    '0.1 + 0.2 == 0.3',
  ])('%s is unknown', (src) => {
    expect(reasonOf(ev(src))).toMatch(/cannot tell apart/);
  });
});

describe('object keys, as Terraform reads them', () => {
  it.each<[string, Value]>([
    // a parenthesised key is an expression, a bare one its own name (keywords included)
    ['[for k in ["a"] : { (k) = 1 }]', [{ a: 1 }]],
    ['[for k in ["a"] : { k = 1 }]', [{ k: 1 }]],
    ['[for k in ["a"] : { (k) = 1, a = 2 }]', [{ a: 2 }]],
    ['{ null = 1 }', { null: 1 }],
    ['{ true = 1 }', { true: 1 }],
    ['{ (true) = 1 }', { true: 1 }],
    ['{ (1) = 1 }', { '1': 1 }],
    ['{ "${1+1}" = 1 }', { '2': 1 }],
    ['try({ (null) = 1 }, "F")', 'F'],
  ])('%s', (src, expected) => {
    expect(ev(src)).toEqual(expected);
  });

  it('hcl2json writes a parenthesised key as a template: it is evaluated too', () => {
    const withK: Scope = { module: ctx, names: new Map([['k', 'a']]) };
    expect(evaluateJson({ '${(k)}': '0.0.0.0/0', k: 'x', '${k}2': 'y', '$${k}': 'z' }, withK)).toEqual({ a: '0.0.0.0/0', k: 'x', a2: 'y', '${k}': 'z' });
    expect(reasonOf(evaluateJson({ '${(var.k)}': 1 }, withK))).toMatch(/not declared/);
  });
});

describe('string functions count grapheme clusters of NFC text and trim as Go does', () => {
  it.each<[string, Value]>([
    [String.raw`length("e\u0301")`, 1],
    [String.raw`length("\r\n")`, 1],
    ['length("👩‍👩‍👧")', 1],
    ['length("🇩🇪🇫")', 2],
    ['length("")', 0],
    [String.raw`substr("e\u03010.0.0.0/0", 1, 9)`, '0.0.0.0/0'],
    [String.raw`substr("e\u0301e\u0301x", 1, 1)`, 'é'],
    ['substr("👩‍👩‍👧x", 1, 1)', 'x'],
    ['substr("abc", -1, 0)', 'c'],
    ['substr("abc", -5, 2)', 'ab'],
    ['substr("abc", 3, 1)', ''],
    ['substr("abc", 5, 1)', ''],
    ['substr("abc", 1, -5)', 'bc'],
    ['substr("abc", 0, 0)', ''],
    ['substr("abc", 0, 10)', 'abc'],
    ['try(substr("abc", 1.5, 1), "F")', 'F'],
    [String.raw`strrev("e\u0301x")`, 'xé'],
    [String.raw`strrev("a\r\n")`, '\r\na'],
    ['strrev("")', ''],
    [String.raw`trimspace("0.0.0.0/0\u0085")`, '0.0.0.0/0'],
    [String.raw`trimspace("\u00a0 0.0.0.0/0\u2028\u3000")`, '0.0.0.0/0'],
    [String.raw`trimspace("\ufeff0")`, '\ufeff0'],
    [String.raw`trimspace("\u180e0")`, '\u180e0'],
    [String.raw`trimspace("\u200b0\u200b")`, '\u200b0\u200b'],
    [String.raw`chomp("0.0.0.0/0\n")`, '0.0.0.0/0'],
    [String.raw`chomp("a\r\n\r\n")`, 'a'],
    [String.raw`chomp("a\n\r")`, 'a'],
    [String.raw`chomp("a \n")`, 'a '],
    [String.raw`chomp("a\u0085")`, 'a\u0085'],
    [String.raw`startswith("e\u0301", "e")`, false],
    ['title("hello wORLD-foo_bar")', 'Hello WORLD-Foo_bar'],
  ])('%s', (src, expected) => {
    expect(ev(src)).toEqual(expected);
  });

  it.each([
    // Go's case mappings outside ASCII (STRAßE, i, ασ) differ from JavaScript's
    'upper("straße")',
    'lower("İ")',
    'lower("ΑΣ")',
    'title("élan")',
    // Terraform's segmenter (Unicode 15.0) gives 2, ICU's conjunct rule 1
    String.raw`length("\u0915\u094d\u0937")`,
  ])('%s is unknown', (src) => {
    expect(reasonOf(ev(src))).toMatch(/not evaluated statically|older Unicode/);
  });
});
