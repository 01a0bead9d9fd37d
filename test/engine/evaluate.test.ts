import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/engine/hcl/expression.js';
import {
  TEMPLATE_CACHE_SIZE,
  cachedTemplates,
  evaluate,
  evaluateSafely,
  templateNode,
  type ModuleContext,
  type Scope,
} from '../../src/engine/evaluate/evaluate.js';
import { Alternatives, possibleValues } from '../../src/engine/evaluate/alternatives.js';
import { PartlyKnown } from '../../src/engine/evaluate/partly-known.js';
import { Lazy, Ref, Unknown, type Value } from '../../src/engine/evaluate/value.js';
import { listOf } from '../../src/engine/model/extract/context.js';

const vars: Record<string, Value> = {
  cidrs: ['10.0.0.0/8', '192.168.0.0/16'],
  ports: { ssh: 22, https: 443 },
  enabled: true,
  unknown: new Unknown('var.unknown', 'no default'),
  rules: [{ port: 22, cidr: '10.0.0.0/8' }, { port: 80 }],
};
const ctx: ModuleContext = {
  variable: (n) => vars[n] ?? new Unknown(`var.${n}`, 'not declared'),
  local: (n) => (n === 'x' ? 'local-x' : new Unknown(`local.${n}`, 'not declared')),
  resource: (type, name) => new Ref(`${type}.${name}`, ''),
  moduleCall: (name, src) => new Unknown(src, `module ${name}`),
  dataSource: (type, name) => new Lazy(`data.${type}.${name}`, (a) => new Unknown(`data.${type}.${name}.${a}`, 'data sources are read during plan')),
  path: 'net',
};
const scope: Scope = { module: ctx, names: new Map() };
const ev = (src: string) => evaluateSafely(() => parseExpression(src), scope, src);

describe('evaluate', () => {
  it('keeps the known text and the unknowns of a template with unknown parts', () => {
    const v = ev('"${local.x}-${var.unknown}-${var.ports.ssh}"');
    expect(v).toBeInstanceOf(PartlyKnown);
    expect((v as PartlyKnown).shape).toEqual(['local-x-', { unknown: 'var.unknown' }, '-22']);
    expect((v as Unknown).expr).toBe('"${local.x}-${var.unknown}-${var.ports.ssh}"');
    // a directive over an unknown has no shape: a plain unknown
    expect(ev('"%{ if var.unknown }a%{ endif }-b"')).not.toBeInstanceOf(PartlyKnown);
  });

  it.each<[string, Value]>([
    ['1 + 2 * 3 - 4 / 2', 5],
    ['7 % 3 == 1 && !false', true],
    ['var.enabled ? "on" : "off"', 'on'],
    ['"${local.x}-${var.ports.ssh}"', 'local-x-22'],
    ['var.cidrs[1]', '192.168.0.0/16'],
    ['var.cidrs.0', '10.0.0.0/8'],
    ['var.rules[*].port', [22, 80]],
    ['[for r in var.rules : r.port if r.port > 30]', [80]],
    ['{ for k, v in var.ports : v => k }', { '22': 'ssh', '443': 'https' }],
    ['{ for r in var.rules : "all" => r.port... }', { all: [22, 80] }],
    ['[for k, v in var.ports : k]', ['https', 'ssh']],
    ['path.module', 'net'],
    ['"%{ for c in var.cidrs }${c};%{ endfor }"', '10.0.0.0/8;192.168.0.0/16;'],
  ])('%s', (src, expected) => {
    expect(ev(src)).toEqual(expected);
  });

  it('keeps resource references as references, through lists and join', () => {
    expect(ev('aws_security_group.web.id')).toEqual(new Ref('aws_security_group.web', 'id'));
    expect(ev('join("", aws_security_group.web.*.id)')).toEqual(new Ref('aws_security_group.web', 'id'));
    expect(ev('"${aws_security_group.web.id}"')).toEqual(new Ref('aws_security_group.web', 'id'));
    expect(ev('concat([aws_security_group.a.id], [""])[0]')).toEqual(new Ref('aws_security_group.a', 'id'));
  });

  it('propagates unknowns with the expression and reason, never a guess', () => {
    const u = ev('concat(var.cidrs, var.unknown)');
    expect(u).toBeInstanceOf(Unknown);
    expect((u as Unknown).reason).toBe('no default');
    expect(ev('var.unknown ? 1 : 2')).toBeInstanceOf(Unknown);
    expect(ev('var.unknown ? 1 : 1')).toBe(1); // both branches agree
    expect(ev('false && var.unknown')).toBe(false);
    expect(ev('true || var.unknown')).toBe(true);
    expect(ev('"x-${var.unknown}"')).toBeInstanceOf(Unknown);
    expect(ev('[for c in var.unknown : c]')).toBeInstanceOf(Unknown);
    expect(ev('length(var.unknown)')).toBeInstanceOf(Unknown);
    expect(ev('data.aws_vpc.main.cidr_block')).toMatchObject({ expr: 'data.aws_vpc.main.cidr_block', reason: 'data sources are read during plan' });
    expect(ev('md5("b")')).toMatchObject({ reason: 'function md5() is not evaluated statically' });
    expect(ev('"${aws_security_group.web.id}-x"')).toBeInstanceOf(Unknown);
  });

  it('keeps the identity of unknowns through rewrites that give the same list back', () => {
    const a = new Unknown('var.a', 'no default');
    const listed: Record<string, Value> = { ...vars, listed: [a, 'pl-1'], empty: {} };
    const s: Scope = { module: { ...ctx, variable: (n) => listed[n] ?? new Unknown(`var.${n}`, 'not declared') }, names: new Map() };
    const at = (src: string) => evaluateSafely(() => parseExpression(src), s, src);
    expect(at('compact(split(",", join(",", var.listed)))')).toEqual([a, 'pl-1']);
    expect(at('split(",", lookup(var.empty, "ids", join(",", var.listed)))')).toEqual([a, 'pl-1']);
    expect(at('split(",", join(",", var.unknown))')).toBe(vars['unknown']);
    expect(at('concat(var.unknown, [], [])')).toBe(vars['unknown']);
    expect(at('split(",", join(",", [aws_ec2_managed_prefix_list.a.id, aws_ec2_managed_prefix_list.b.id]))')).toEqual([
      new Ref('aws_ec2_managed_prefix_list.a', 'id'),
      new Ref('aws_ec2_managed_prefix_list.b', 'id'),
    ]);
    expect(at('split(",", join("", [aws_ec2_managed_prefix_list.a.id]))')).toEqual([new Ref('aws_ec2_managed_prefix_list.a', 'id')]);
    // a known item holding the separator splits as Terraform splits it
    expect(at('split(",", join(",", ["pl-1,pl-2", var.unknown]))')).toEqual(['pl-1', 'pl-2', vars['unknown']]);
  });

  it('gives a new unknown where a rewrite may not give the same list back', () => {
    const opaque = (src: string) => {
      const v = ev(src);
      expect(v).toBeInstanceOf(Unknown);
      expect((v as Unknown).expr).toBe(src);
    };
    opaque('split(",", join(";", var.unknown))'); // another separator
    opaque('split("-", join("-", var.unknown))'); // "-" is inside ids: sg-1-… would split
    opaque('concat(var.unknown, ["10.0.0.0/8"])'); // more than the list
    opaque('concat(var.unknown, var.unknown)');
    opaque('lookup(var.unknown, "ids", var.unknown)'); // the map itself is unknown
  });

  it('keeps the lists an unknown concat joins, each with its own reason (the 0.11 list form is the same peers)', () => {
    const joined = ev('concat(split(",", var.unknown), ["10.0.0.0/8"], var.cidrs)') as Unknown;
    expect(joined).toBeInstanceOf(Unknown);
    expect(joined.parts).toEqual([new Unknown('split(",", var.unknown)', 'no default'), ['10.0.0.0/8'], vars['cidrs']]);
    expect(listOf(joined)).toEqual([new Unknown('split(",", var.unknown)', 'no default'), '10.0.0.0/8', '10.0.0.0/8', '192.168.0.0/16']);
    // a map among the arguments is no list of peers: one opaque unknown
    expect((ev('concat(var.unknown, var.ports)') as Unknown).parts).toBeUndefined();
  });

  it('keeps the known elements of a partly known list through for, setunion, element, an index, slice and formatlist (red24 §5)', () => {
    const known = (src: string) => listOf(ev(src)).filter((x) => !(x instanceof Unknown));
    const cidrs = vars['cidrs'] as string[];
    expect(known('[for c in concat(var.unknown, var.cidrs) : c]')).toEqual(cidrs);
    expect(known('[for i, c in concat(var.cidrs, var.unknown) : "${i}=${c}" if c != "10.0.0.0/8"]')).toEqual(['1=192.168.0.0/16']);
    expect(known('setunion(var.unknown, var.cidrs)')).toEqual(cidrs);
    expect(ev('element(concat(var.cidrs, var.unknown), 1)')).toBe('192.168.0.0/16');
    expect(ev('concat(var.cidrs, var.unknown)[0]')).toBe('10.0.0.0/8');
    expect(known('slice(concat(var.cidrs, var.unknown), 1, 3)')).toEqual(['192.168.0.0/16']);
    expect(known('formatlist("%s/x", concat(var.unknown, var.cidrs))')).toEqual(cidrs.map((c) => `${c}/x`));
    // an index unknown: one of the known elements, or of the unknown ones
    expect(possibleValues(ev('concat(var.unknown, var.cidrs)[var.unknown]')).filter((x) => !(x instanceof Unknown))).toEqual(cidrs);
    // past the known elements, or after an unknown part, a position is unknown
    expect(ev('element(concat(var.cidrs, var.unknown), 2)')).toBeInstanceOf(Unknown);
    expect(ev('concat(var.unknown, var.cidrs)[0]')).toBeInstanceOf(Unknown);
    // sort and toset reorder: no position is known after them (the unknown part may sort first)
    expect(ev('sort(concat(var.cidrs, var.unknown))[0]')).toBeInstanceOf(Unknown);
    expect(ev('element(sort(concat(var.cidrs, var.unknown)), 0)')).toBeInstanceOf(Unknown);
    // an element an unknown `if` may keep is one of the possibilities
    expect(known('[for c in concat(var.unknown, var.cidrs) : c if c != var.unknown]')).toEqual(cidrs);
  });

  it('reads try, coalesce, coalescelist, merge()[k] and lookup over an unknown as one of what they can pick (red24 §4, §15)', () => {
    const picks = (src: string) => possibleValues(ev(src)).map((x) => (x instanceof Unknown ? x.expr : x));
    expect(picks('try(var.unknown.office, "10.0.0.0/8")')).toEqual(['var.unknown.office', '10.0.0.0/8']);
    expect(picks('coalesce(var.unknown, "10.0.0.0/8")')).toEqual(['var.unknown', '10.0.0.0/8']);
    expect(picks('coalesce("", var.unknown, "a", "b")')).toEqual(['var.unknown', 'a']);
    expect(picks('coalescelist(var.unknown, var.cidrs)')).toEqual(['var.unknown', vars['cidrs']]);
    expect(picks('merge(var.ports, var.unknown)["ssh"]')).toEqual(['var.unknown.ssh', 22]);
    expect(picks('lookup(merge(var.ports, var.unknown), "ftp", 21)')).toEqual(['var.unknown.ftp', 21]);
    expect(picks('lookup(var.ports, var.unknown, 21)')).toEqual([22, 443, 21]);
    // what cannot fail or be empty has no fallback: a known value, a choice of known values, a
    // list with a known element, a later map's own key
    expect(ev('try(var.ports["ssh"], 0)')).toBe(22);
    expect(picks('try(var.unknown ? "a" : "b", "c")')).toEqual(['a', 'b']);
    expect(picks('coalescelist(concat(var.cidrs, var.unknown), ["c"])')).toEqual(['concat(var.cidrs, var.unknown)']);
    expect(ev('merge(var.unknown, var.ports)["ssh"]')).toBe(22);
    // a whole reference cannot fail at plan (Terraform checks it statically; a null is no error):
    // try(var.x, ["fb"]) is var.x, as terraform console 1.11.4 gives tolist(null) for a null x
    expect(picks('try(var.unknown, "10.0.0.0/8")')).toEqual(['var.unknown']);
    expect(picks('try(module.m.out, "10.0.0.0/8")')).toEqual(['module.m.out']);
    expect(picks('try(data.aws_vpc.x.cidr_block, "10.0.0.0/8")')).toHaveLength(1);
    expect(picks('try(module.m.out.key, "10.0.0.0/8")')).toEqual(['module.m.out.key', '10.0.0.0/8']);
  });

  it('keeps the known entries of a map built by a for expression some of whose keys are unknown', () => {
    const m = ev('{ for c in concat(var.cidrs, [var.unknown]) : c => c }');
    expect(m).toBeInstanceOf(Unknown);
    expect(ev('{ for c in concat(var.cidrs, [var.unknown]) : c => c }["10.0.0.0/8"]')).toBe('10.0.0.0/8');
    // grouped, an unknown key may add to a known key's list: one unknown
    expect(ev('{ for c in concat(var.cidrs, [var.unknown]) : c => c... }["10.0.0.0/8"]')).toBeInstanceOf(Unknown);
  });

  it('says in a reader\'s words why a collection read through a reference is unknown, never "cannot iterate over a reference"', () => {
    for (const src of ['[for s in aws_subnet.x : s.cidr_block]', 'values(aws_subnet.x)', 'length(aws_subnet.x)', '"%{for s in aws_subnet.x}${s}%{endfor}"'])
      expect(ev(src)).toEqual(new Unknown(src, 'aws_subnet.x is known only after apply'));
  });

  it('keeps the joined lists through flatten (an ECS module attaches flatten(concat([group], var.ids)))', () => {
    const flat = ev('flatten(concat([aws_security_group.a.id], var.unknown))') as Unknown;
    expect(flat.parts).toEqual([[new Ref('aws_security_group.a', 'id')], vars['unknown']]);
    expect(listOf(flat)).toEqual([new Ref('aws_security_group.a', 'id'), vars['unknown']]);
  });

  it('reads the Terraform 0.6 concat of a list and a string as the list and that element', () => {
    expect(ev('concat(split(",", "10.0.0.0/8,10.1.0.0/16"), "0.0.0.0/0")')).toEqual(['10.0.0.0/8', '10.1.0.0/16', '0.0.0.0/0']);
    expect(ev('concat("192.0.2.0/24", var.cidrs, "")')).toEqual(['192.0.2.0/24', ...(vars['cidrs'] as string[])]);
    // beside an unknown list the string is still a known member, reviewed as known
    const joined = ev('concat(split(",", var.unknown), "0.0.0.0/0")') as Unknown;
    expect(listOf(joined)).toEqual([new Unknown('split(",", var.unknown)', 'no default'), '0.0.0.0/0']);
    // strings alone are no list (0.6 joined them; later versions refuse them)
    expect(ev('concat("a", "b")')).toMatchObject({ reason: expect.stringMatching(/expected a list/) });
  });

  it('gives an unknown the same identity however `terraform fmt` spaces it, never changing a string', () => {
    const expr = (src: string) => new Unknown(src, 'r').expr;
    expect(expr('split(",",var.a)')).toBe('split(",", var.a)');
    expect(expr('concat( split(",", var.a) ,var.b )')).toBe('concat(split(",", var.a), var.b)');
    expect(expr('"${ join(",",x) }"')).toBe('join(",", x)');
    expect(expr('join(", ", x)')).not.toBe(expr('join(",", x)'));
    expect(expr('"a  b ${x}-${ y }"')).toBe('"a  b ${x}-${y}"');
  });

  it('keeps the branches of a conditional whose condition is unknown, without those that fail', () => {
    const either = ev('var.unknown ? aws_security_group.a : var.cidrs[5]');
    expect(either).toBeInstanceOf(Alternatives);
    expect((either as Alternatives).branches).toEqual([{ value: new Ref('aws_security_group.a', ''), nullWritten: false }]);
    expect(possibleValues(ev('var.unknown ? (var.unknown ? aws_security_group.a : null).id : null'))).toEqual([new Ref('aws_security_group.a', 'id')]);
    expect(ev('var.unknown ? var.cidrs[5] : var.cidrs[6]')).toMatchObject({ reason: expect.stringMatching(/index 5 out of range/) });
    expect(ev('var.unknown ? 1 : 1')).toBe(1);
    // a function of one conditional is that function of each branch
    expect(ev('length(var.unknown ? ["a"] : ["b"])')).toBe(1);
    expect((ev('length(var.unknown ? ["a"] : [])') as Alternatives).branches.map((b) => b.value)).toEqual([1, 0]);
    // only a null written as such is no value; one from a variable may be set outside
    expect(possibleValues(ev('var.unknown ? aws_security_group.a.id : null'))).toEqual([new Ref('aws_security_group.a', 'id')]);
    expect(possibleValues(ev('var.unknown ? aws_security_group.a.id : lookup({ a = null }, "a")'))).toEqual([new Ref('aws_security_group.a', 'id'), null]);
    // per branch: a variable's null beside a written one is kept, and never merged into a known null
    expect(possibleValues(ev('var.unknown ? lookup({ a = null }, "a") : null'))).toEqual([null]);
    expect(ev('var.unknown ? lookup({ a = null }, "a") : null')).toBeInstanceOf(Alternatives);
    expect(ev('var.unknown ? null : null')).toBeNull();
    // a function of the conditional keeps which null was written
    expect(possibleValues(ev('tostring(var.unknown ? aws_security_group.a.id : null)'))).toEqual([new Ref('aws_security_group.a', 'id')]);
    expect(possibleValues(ev('tostring(var.unknown ? lookup({ a = null }, "a") : null)'))).toEqual([null]);
  });

  it('try and can catch dynamic errors only', () => {
    expect(ev('try(var.rules[1].cidr, "none")')).toBe('none');
    expect(ev('try(var.rules[0].cidr, "none")')).toBe('10.0.0.0/8');
    expect(ev('can(var.rules[1].cidr)')).toBe(false);
    expect(ev('var.rules[1].cidr')).toMatchObject({ reason: expect.stringMatching(/no attribute "cidr"/) });
  });

  it('evaluates a direct evaluate() call without the safety net', () => {
    expect(evaluate(parseExpression('upper("a")'), scope)).toBe('A');
  });
});

describe('functions', () => {
  it.each<[string, Value]>([
    ['concat(["a"], ["b", "c"])', ['a', 'b', 'c']],
    ['flatten([["a"], [["b"]], "c"])', ['a', 'b', 'c']],
    ['distinct(["b", "a", "b"])', ['b', 'a']],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['tolist(toset(["x"]))', ['x']],
    ['tomap({ a = 1 })', { a: 1 }],
    ['lookup({ a = 1 }, "b", 2)', 2],
    ['merge({ a = 1, b = 1 }, { b = 2 })', { a: 1, b: 2 }],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['length("abc")', 3],
    ['element(["a", "b"], 3)', 'b'],
    ['coalesce("", null, "x")', 'x'],
    ['coalescelist([], ["y"])', ['y']],
    ['contains(["a"], "a")', true],
    ['format("%s:%d", "port", 22)', 'port:22'],
    ['join(",", ["a", "b"])', 'a,b'],
    ['split(",", "a,b")', ['a', 'b']],
    ['compact(split(",", ""))', []],
    ['replace("a-b", "-", "_")', 'a_b'],
    ['trimspace("  a ")', 'a'],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['range(3)', [0, 1, 2]],
    ['min(3, 1, 2)', 1],
    ['max([3, 1, 2]...)', 3],
    ['tonumber("3306")', 3306],
    ['tostring(22)', '22'],
    ['lower("TCP")', 'tcp'],
    ['upper("tcp")', 'TCP'],
    ['cidrsubnet("10.0.0.0/16", 4, 2)', '10.0.32.0/20'],
    ['cidrsubnet("fd00::/56", 8, 1)', 'fd00:0:0:1::/64'],
    ['cidrhost("10.0.0.0/24", 5)', '10.0.0.5'],
    ['cidrnetmask("10.0.0.0/12")', '255.240.0.0'],
    ['basename("modules/db")', 'db'],
    ['dirname("modules/db/main.tf")', 'modules/db'],
    // as terraform console answers (Go's filepath.Dir)
    ['dirname("/root.hcl")', '/'],
    ['dirname("a/b/")', 'a/b'],
    ['dirname("//a//b")', '/a'],
    ['dirname("main.tf")', '.'],
    ['sort(["b", "a"])', ['a', 'b']],
    ['sensitive(["0.0.0.0/0"])', ['0.0.0.0/0']],
    ['nonsensitive("10.0.0.0/8")', '10.0.0.0/8'],
    ['jsondecode("[\\"0.0.0.0/0\\"]")', ['0.0.0.0/0']],
    ['jsondecode("{\\"ssh\\": 22}")', { ssh: 22 }],
    ['base64decode("MC4wLjAuMC8w")', '0.0.0.0/0'],
  ])('%s', (src, expected) => {
    expect(ev(src)).toEqual(expected);
  });
});

describe('function names that are properties of every JavaScript object', () => {
  it.each(['hasOwnProperty("x")', 'toString(1)', 'constructor(1)', 'valueOf()', '__proto__(1)', 'isPrototypeOf(1)'])(
    '%s is an unresolved value, not a crash or "[object Undefined]"',
    (src) => {
      const v = ev(src);
      expect(v).toBeInstanceOf(Unknown);
      expect((v as Unknown).reason).toMatch(/is not evaluated statically/);
    },
  );
});

describe('the parsed-template cache', () => {
  it('stays bounded however many distinct templates a long-running server sees', () => {
    for (let i = 0; i < TEMPLATE_CACHE_SIZE + 500; i++) templateNode(`\${var.a}-${i}`);
    expect(cachedTemplates()).toBeLessThanOrEqual(TEMPLATE_CACHE_SIZE);
    expect(templateNode('${var.a}-0')).toEqual(templateNode('${var.a}-0'));
  });
});

describe('jsondecode of text that is not JSON', () => {
  it('is an unresolved value naming the function, not a crash', () => {
    const v = ev('jsondecode("[0.0.0.0/0")');
    expect(v).toBeInstanceOf(Unknown);
    expect((v as Unknown).reason).toContain('jsondecode');
  });
});
