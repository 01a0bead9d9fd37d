// Hostile input: what a PR author could write to make the review crash, hang or pass. Every
// case must end in a finding (or a correct evaluation), never an internal error. Budgets are
// enforced by the engine's own bounds, not by timing the tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, validateConfig } from '../../src/config/schema.js';
import { parseExpression } from '../../src/engine/hcl/expression.js';
import { FileParser, MAX_MESSAGE, toParseError, type SourceFile } from '../../src/engine/hcl/parse.js';
import { evaluateSafely, type ModuleContext, type Scope } from '../../src/engine/evaluate/evaluate.js';
import { Budget, DEFAULT_LIMITS, withBudget } from '../../src/engine/evaluate/limits.js';
import { Unknown, isObject, type Value } from '../../src/engine/evaluate/value.js';
import { loadModel } from '../../src/engine/load.js';
import { reviewFiles } from '../../src/engine/review-files.js';
import { modelOf, ruleLines } from '../helpers/model.js';

const ctx: ModuleContext = {
  variable: (n) => new Unknown(`var.${n}`, 'not declared'),
  local: (n) => new Unknown(`local.${n}`, 'not declared'),
  resource: (type, name) => new Unknown(`${type}.${name}`, 'resource'),
  moduleCall: (name, src) => new Unknown(src, `module ${name}`),
  dataSource: (type, name) => new Unknown(`data.${type}.${name}`, 'data source'),
  path: '.',
};
const scope: Scope = { module: ctx, names: new Map() };
const ev = (src: string): Value => evaluateSafely(() => parseExpression(src), scope, src);

const openSsh = (extra = '') => `resource "aws_security_group" "g" {
${extra}  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

const files = (tree: Record<string, string>): SourceFile[] => Object.entries(tree).map(([path, content]) => ({ path, content }));
const review = (head: Record<string, string>, config = DEFAULT_CONFIG) => reviewFiles([], files(head), config);

describe('keys from the PR are plain data: __proto__, constructor, toString', () => {
  it('object constructors and for expressions keep every key as its own', () => {
    const v = ev('{ "__proto__" = 1, constructor = 2, toString = 3 }');
    expect(isObject(v) && Object.keys(v).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(ev('keys({ "__proto__" = { a = 1 } })')).toEqual(['__proto__']);
    expect(ev('length({ for k in ["__proto__", "constructor"] : k => k })')).toBe(2);
    expect(ev('{ for k in ["__proto__", "__proto__"] : k => 1... }')).toMatchObject({ ['__proto__']: [1, 1] });
  });

  it('an inherited name is never a key: attribute, index, lookup, merge', () => {
    expect(ev('{ a = 1 }.constructor')).toBeInstanceOf(Unknown);
    expect(ev('{ a = 1 }["toString"]')).toBeInstanceOf(Unknown);
    expect(ev('lookup({ a = 1 }, "constructor", "default")')).toBe('default');
    expect(ev('lookup({ a = 1 }, "hasOwnProperty", "default")')).toBe('default');
    expect(ev('keys(merge({ a = 1 }, { "__proto__" = { b = 2 } }))')).toEqual(['__proto__', 'a']);
    expect(ev('zipmap(["__proto__"], [1])')).toMatchObject({ ['__proto__']: 1 });
    expect(ev('{ a = 1 } == { a = 1, constructor = 2 }')).toBe(false);
  });

  it('a .tf.json resource named __proto__ or constructor is modelled', async () => {
    const json = (name: string) =>
      JSON.stringify({
        resource: {
          aws_security_group: {
            [name]: { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], description: 'x' }] },
          },
        },
      });
    // JSON.stringify drops nothing: a literal "__proto__" key is written as such
    const m = await modelOf({ 'a.tf.json': json('__proto__').replace('"__proto__"', '"__proto__"'), 'b.tf.json': json('constructor') });
    expect(ruleLines(m).sort()).toEqual([
      'aws_security_group.__proto__ ingress tcp 22-22 cidr:0.0.0.0/0',
      'aws_security_group.constructor ingress tcp 22-22 cidr:0.0.0.0/0',
    ]);
  });

  it('for_each = { "__proto__" = … } on a group opens what it declares', async () => {
    const m = await modelOf({
      'main.tf': `resource "aws_security_group" "g" {
  for_each = { "__proto__" = 22, "constructor" = 23 }
  ingress {
    description = "x"
    from_port   = each.value
    to_port     = each.value
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
    });
    expect(ruleLines(m)).toEqual([
      'aws_security_group.g["__proto__"] ingress tcp 22-22 cidr:0.0.0.0/0',
      'aws_security_group.g["constructor"] ingress tcp 23-23 cidr:0.0.0.0/0',
    ]);
  });
  it('inherited names are not declarations: variables, tfvars, module arguments, types, protocols', async () => {
    const m = await modelOf({
      'main.tf': `variable "toString" {}
variable "constructor" {
  default = "10.0.0.0/8"
}
resource "toString" "x" {}
resource "aws_security_group" "g" {
  for_each = { "__proto__" = 1 }
}
resource "aws_security_group_rule" "r" {
  type                     = "ingress"
  security_group_id        = aws_security_group.g["__proto__"].id
  from_port                = 22
  to_port                  = 22
  protocol                 = "constructor"
  cidr_blocks              = [var.toString, var.constructor]
  description              = "x"
}
module "m" {
  source = "./m"
}
`,
      'm/main.tf': `variable "hasOwnProperty" {
  default = "192.0.2.0/24"
}
resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = "sg-1"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = [var.hasOwnProperty]
  description       = "x"
}
`,
    });
    // "constructor" is no protocol: the rule is invalid and opens nothing
    expect(ruleLines(m)).toEqual(['sg-1 ingress tcp 443-443 cidr:192.0.2.0/24']);
    expect(m.invalidRules.map((i) => `${i.resource} ${i.field} ${i.value}`)).toEqual(['aws_security_group_rule.r protocol constructor']);
    expect(ev('[for __proto__, v in { a = 1 } : __proto__]')).toEqual(['a']);
  });
});

describe('content that is not text', () => {
  it('NUL bytes are a parse error at their line, with a short message', async () => {
    const m = await modelOf({ 'main.tf': `${openSsh()}\n\0\0${'\0'.repeat(100_000)}` });
    expect(m.parseErrors).toEqual([{ file: 'main.tf', line: 11, column: 1, message: expect.stringContaining('NUL bytes') }]);
    expect(m.groups).toEqual([]);
  });

  it('an unreadable file (GitHub gave no text, not UTF-8) is a parse error, never an empty file', async () => {
    const result = await reviewFiles(
      files({ 'main.tf': openSsh() }),
      [{ path: 'main.tf', content: '', unreadable: 'GitHub reports binary content' }],
      DEFAULT_CONFIG,
    );
    expect(result.conclusion).toBe('failure');
    expect(result.findings.map((f) => [f.rule, f.location.file])).toEqual([['parse-error', 'main.tf']]);
    expect(result.findings[0]!.message).toContain('not readable as text: GitHub reports binary content');
  });

  it("caps the parser's message (one diagnostic, at most MAX_MESSAGE characters)", () => {
    const many = `parse config: [x.tf:2,1-2: Invalid character; bad. ${Array.from({ length: 5000 }, (_x, i) => `x.tf:2,${i}-${i + 1}: Invalid character; bad.`).join(' ')}]`;
    const e = toParseError('x.tf', new Error(many));
    expect(e).toMatchObject({ line: 2, column: 1, message: 'Invalid character; bad.' });
    const long = toParseError('x.tf', new Error(`parse config: [x.tf:3,1-2: ${'y'.repeat(10_000)}]`));
    expect(long.message.length).toBeLessThan(MAX_MESSAGE + 40);
    expect(toParseError('x.tf', new RangeError('Maximum call stack size exceeded')).message).not.toContain('Maximum call stack');
  });
});

describe('input that would make the engine throw becomes a finding', () => {
  it('a 2,500-term expression evaluates (no stack spent on a long chain)', async () => {
    const terms = Array.from({ length: 2500 }, () => '1').join(' + ');
    expect(ev(terms)).toBe(2500);
    const m = await modelOf({ 'main.tf': openSsh().replace('to_port     = 22', `to_port     = ${terms} - 2478`) });
    expect(ruleLines(m)).toEqual(['aws_security_group.g ingress tcp 22-22 cidr:0.0.0.0/0']);
  });

  it('brackets nested deeper than the bound: a parse error at the line, naming the bound', async () => {
    const deep = `${'('.repeat(2000)}22${')'.repeat(2000)}`;
    const m = await modelOf({ 'main.tf': openSsh().replace('to_port     = 22', `to_port     = ${deep}`) });
    expect(m.parseErrors).toEqual([{ file: 'main.tf', line: 5, column: expect.any(Number), message: expect.stringContaining('max_expression_depth') }]);
  });

  it('a 10,000-deep .tf.json is a parse error, not a crash', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const m = await modelOf({ 'main.tf.json': `{"locals": {\n"x": ${deep}}}` });
    expect(m.parseErrors).toEqual([{ file: 'main.tf.json', line: 2, column: expect.any(Number), message: expect.stringContaining('max_expression_depth') }]);
  });

  it('a chain of locals deeper than the bound: the rule is unknown and the bound is a high finding', async () => {
    const locals = Array.from({ length: 400 }, (_x, i) => `  l${i} = local.l${i + 1}`).join('\n');
    const result = await review({
      'main.tf': `locals {\n${locals}\n  l400 = "0.0.0.0/0"\n}\n${openSsh().replace('["0.0.0.0/0"]', '[local.l0]')}`,
    });
    expect(result.conclusion).toBe('failure');
    const limit = result.findings.find((f) => f.rule === 'analysis-limit')!;
    expect(limit).toMatchObject({ severity: 'high', title: expect.stringContaining('max_expression_depth'), location: { file: 'main.tf' } });
    expect(result.findings.some((f) => f.rule === 'unresolved-value')).toBe(true);
  });

  it('a nested 1000 x 1000 for with toset stops at max_values with a finding', async () => {
    const result = await review({
      'main.tf': `locals {
  s = toset(flatten([for i in range(1000) : [for j in range(1000) : "\${i}-\${j}"]]))
}
${openSsh().replace('from_port   = 22', 'from_port   = length(local.s) > 0 ? 22 : 23')}`,
    });
    expect(result.findings.find((f) => f.rule === 'analysis-limit')).toMatchObject({
      severity: 'high',
      title: expect.stringContaining('max_values'),
      location: { file: 'main.tf', startLine: 5 },
    });
  });

  it('strings doubled through locals stop at max_values', async () => {
    const locals = Array.from({ length: 40 }, (_x, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`).join('\n');
    const m = await modelOf({ 'main.tf': `locals {\n  s0 = "xxxxxxxx"\n${locals}\n}\n${openSsh().replace('description = "ssh"', 'description = local.s40')}` });
    expect(m.limits).toEqual([{ limit: 'max_values', reason: expect.stringContaining('a string longer than'), file: null, line: 1 }]);
  });

  it('lists doubled through concat past max_values stay one peer each, not one per path through the joins', async () => {
    // past the bound each level is an unknown joining the one below twice: 2^7 leaves if walked as a tree, 2^23 at 40 levels
    const locals = Array.from({ length: 24 }, (_x, i) => `  a${i + 1} = concat(local.a${i}, local.a${i})`).join('\n');
    const m = await modelOf({ 'main.tf': `locals {\n  a0 = ["0.0.0.0/0"]\n${locals}\n}\n${openSsh().replace('["0.0.0.0/0"]', 'distinct(local.a24)')}` });
    expect(m.limits?.map((l) => l.limit)).toEqual(['max_values']);
    expect(m.rules.length).toBeLessThanOrEqual(2);
  });

  it('try() and can() never swallow a bound', () => {
    const budget = new Budget({ ...DEFAULT_LIMITS, maxValues: 100 });
    const v = withBudget(budget, () => ev('try([for i in range(1000) : i], "fallback")'));
    expect(v).toBeInstanceOf(Unknown);
    expect((v as Unknown).reason).toContain('max_values');
    expect(withBudget(budget, () => ev('can([for i in range(1000) : i])'))).toBeInstanceOf(Unknown);
    expect(budget.hits.map((h) => h.limit)).toEqual(['max_values']);
  });

  it('the time budget turns further evaluation into unknowns, reported once', async () => {
    const budget = new Budget({ ...DEFAULT_LIMITS, timeBudgetSeconds: 1 }, Date.now() - 2000);
    const m = await loadModel(files({ 'main.tf': openSsh().replace('["0.0.0.0/0"]', '[for i in range(1000) : "0.0.0.0/0"]') }), new FileParser(), budget);
    expect(m.limits).toEqual([{ limit: 'review_time_budget', reason: expect.stringContaining('time budget of 1 s'), file: 'main.tf', line: 2 }]);
  });
});

describe('instances per resource are bounded', () => {
  it.each([
    ['1e9', '1000000000 instances, more than 1000'],
    ['1e400', 'an infinite number of instances, more than 1000'],
  ])('count = %s: one instance with an unknown index, the rule still reported, and the bound', async (count, reason) => {
    const result = await review({ 'main.tf': openSsh(`  count = ${count}\n`) });
    expect(result.conclusion).toBe('failure');
    expect(result.findings.find((f) => f.rule === 'new-ingress')).toMatchObject({ resource: 'aws_security_group.g', severity: 'critical' });
    expect(result.findings.find((f) => f.rule === 'analysis-limit')).toMatchObject({
      severity: 'high',
      message: expect.stringContaining(`${reason} (max_instances), at \`main.tf\` line 2`),
      location: { file: 'main.tf', startLine: 2 },
    });
  });

  it('for_each over more keys than max_instances, configurable', async () => {
    const head = { 'main.tf': openSsh('  for_each = toset([for i in range(20) : "k${i}"])\n') };
    const strict = await review(head, validateConfig({ max_instances: 10 }, 'x'));
    expect(strict.findings.map((f) => f.rule)).toContain('analysis-limit');
    const loose = await review(head, validateConfig({ max_instances: 20 }, 'x'));
    expect(loose.findings.map((f) => f.rule)).not.toContain('analysis-limit');
  });
});

describe('a bound the base also hits', () => {
  // 20 partner ranges on 443 and one ops range: over max_instances (10) at both revisions
  const partners = (ops: string, port: number) => `locals {
  partners = merge({ for i in range(20) : "p\${i}" => { cidr = "198.51.100.\${i}/32", port = 443 } }, { ops = { cidr = "${ops}", port = ${port} } })
}
resource "aws_vpc_security_group_ingress_rule" "partners" {
  for_each          = local.partners
  security_group_id = "sg-1"
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
}
`;
  const limit = async (base: string, head: string) => {
    const r = await reviewFiles(files({ 'main.tf': base }), files({ 'main.tf': head }), validateConfig({ max_instances: 10 }, 'x'));
    return r.findings.find((f) => f.rule === 'analysis-limit');
  };

  it('is pre-existing (low) only when what it cuts is the same: one entry widened beyond it is high', async () => {
    expect(await limit(partners('10.0.0.0/16', 22), partners('10.0.0.0/16', 22))).toMatchObject({ severity: 'low', location: { startLine: 5 } });
    expect(await limit(partners('10.0.0.0/16', 22), `# ops\n${partners('10.0.0.0/16', 22)}`)).toMatchObject({ severity: 'low' });
    expect(await limit(partners('10.0.0.0/16', 22), partners('0.0.0.0/0', 22))).toMatchObject({ severity: 'high' });
  });
});

describe('instances of the whole configuration are bounded', () => {
  it('nested expansions (a module called 20 times, each with 10 x 20 instances) stop at 100 x max_instances', async () => {
    const resources = Array.from({ length: 10 }, (_x, i) => openSsh('  count = 20\n').replace('"g"', `"g${i}"`)).join('');
    const result = await review(
      { 'main.tf': 'module "m" {\n  source = "./m"\n  count  = 20\n}\n', 'm/main.tf': resources },
      validateConfig({ max_instances: 20 }, 'x'),
    );
    expect(result.findings.find((f) => f.rule === 'analysis-limit')).toMatchObject({
      severity: 'high',
      message: expect.stringContaining('more than 2000 instances in the whole configuration'),
    });
    expect(result.findings.filter((f) => f.rule === 'new-ingress').length).toBeGreaterThan(0);
  });
});

describe('set operations are linear and exact', () => {
  it('toset, distinct, setsubtract and setintersection on 100,000 values', () => {
    expect(ev('length(toset([for i in range(1000) : [for j in range(100) : "${i}-${j % 50}"]][*][0]))')).toBe(1000);
    const big = '[for i in range(1000) : [for j in range(100) : "${i}-${j}"]]';
    expect(ev(`length(distinct(flatten(${big})))`)).toBe(100_000);
    expect(ev(`length(setsubtract(flatten(${big}), flatten(${big})))`)).toBe(0);
    expect(ev(`length(setintersection(flatten(${big}), ["5-5", "x"]))`)).toBe(1);
    expect(ev('distinct([1, "1", [1], [1], { a = 1 }, { a = 1 }, null, null])')).toEqual([1, '1', [1], { a: 1 }, null]);
  });
});

describe('the bounds are configuration', () => {
  it('validates and defaults them', () => {
    expect(DEFAULT_CONFIG).toMatchObject({ max_instances: 1000, max_values: 100_000, max_expression_depth: 200, review_time_budget: 60 });
    expect(() => validateConfig({ max_expression_depth: 5000 }, 'x')).toThrow(/max_expression_depth/);
  });

  it('a lower max_expression_depth applies to parsing and evaluation', async () => {
    const config = validateConfig({ max_expression_depth: 10 }, 'x');
    const nested = `${'['.repeat(12)}"0.0.0.0/0"${']'.repeat(12)}`;
    const result = await review({ 'main.tf': openSsh().replace('["0.0.0.0/0"]', `flatten(${nested})`) }, config);
    expect(result.findings.map((f) => f.rule)).toContain('parse-error');
  });
});
