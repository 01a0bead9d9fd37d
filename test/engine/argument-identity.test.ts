import { describe, expect, it } from 'vitest';
import { argumentIdentity, type IdentityNames } from '../../src/engine/evaluate/argument-identity.js';

const names = (locals: Record<string, unknown>, bools: string[] = [], lists: string[] = []): IdentityNames => ({
  local: (n) => locals[n],
  isBoolVariable: (n) => bools.includes(n),
  isListVariable: (n) => lists.includes(n),
});
const same = (a: unknown, b: unknown, n = names({})) => argumentIdentity(a, n) === argumentIdentity(b, n);

describe('argument identity', () => {
  it('reads `c ? true : false` as c when c is a bool', () => {
    expect(same('${module.l.enabled && length(var.z) > 0 ? true : false}', '${module.l.enabled && length(var.z) > 0}')).toBe(true);
    expect(same('${!var.a ? true : false}', '${!var.a}')).toBe(true);
    expect(same('${var.on ? true : false}', '${var.on}', names({}, ['on']))).toBe(true);
  });

  it('keeps the conditional when c may not be a bool, or the branches are not true/false', () => {
    expect(same('${var.on ? true : false}', '${var.on}')).toBe(false);
    expect(same('${var.a == 1 ? false : true}', '${var.a == 1}')).toBe(false);
    expect(same('${var.a == 1 ? "true" : "false"}', '${var.a == 1}')).toBe(false);
  });

  it('reads a local as the expression it names, so a changed local is a changed value', () => {
    const n = names({ on: '${module.l.enabled}', cidrs: ['10.0.0.0/16'], open: ['0.0.0.0/0'] });
    expect(same('${module.l.enabled && var.x}', '${local.on && var.x}', n)).toBe(true);
    expect(same(['10.0.0.0/16'], '${local.cidrs}', n)).toBe(true);
    expect(same(['10.0.0.0/16'], '${local.open}', n)).toBe(false);
    expect(same('${var.mode != "s" ? true : false}', '${var.mode == "s"}', n)).toBe(false);
  });

  it('reads the Terraform 0.11 list ["${L}"] as L when L is a list, and only then', () => {
    expect(same(['${data.aws_subnet_ids.all.ids}'], '${data.aws_subnet_ids.all.ids}')).toBe(true);
    expect(same(['${module.vpc.private_subnets}'], '${module.vpc.private_subnets}')).toBe(true);
    expect(same(['${aws_security_group.g.*.id}'], '${aws_security_group.g[*].id}')).toBe(true);
    expect(same(['${concat(var.a, var.b)}'], '${concat(var.a, var.b)}')).toBe(true);
    expect(same(['${var.cidrs}'], '${var.cidrs}', names({}, [], ['cidrs']))).toBe(true);
    expect(same(['${local.ids}'], '${local.ids}', names({ ids: '${data.aws_subnet_ids.all.ids}' }))).toBe(true);
    // a string, or a value whose type is not known, in a list is a list of one
    expect(same(['${var.cidrs}'], '${var.cidrs}')).toBe(false);
    expect(same(['${aws_security_group.g.id}'], '${aws_security_group.g.id}')).toBe(false);
    expect(same(['${data.aws_subnet_ids.all.ids}', 'x'], '${data.aws_subnet_ids.all.ids}')).toBe(false);
  });

  it('normalises references as unknowns do', () => {
    expect(same('${element(aws_security_group.g.*.id, 0)}', '${aws_security_group.g[0].id}')).toBe(true);
    expect(same('${var.o["id"]}', '${var.o.id}')).toBe(true);
  });

  it('survives locals in a cycle and locals that double in size, comparing text then', () => {
    const cycle = names({ a: '${local.b}', b: '${local.a}' });
    expect(argumentIdentity('${local.a}', cycle)).toBe(argumentIdentity('${local.a}', cycle));
    expect(same('${local.a}', '${local.b}', cycle)).toBe(false);
    const doubling: Record<string, unknown> = { l0: '${var.x}' };
    for (let i = 1; i < 40; i++) doubling[`l${i}`] = `\${local.l${i - 1} + local.l${i - 1}}`;
    expect(argumentIdentity('${local.l39}', names(doubling))).toBe('text:"${local.l39}"');
  });
});

describe('remote state outputs (Terraform 0.11 → 0.12)', () => {
  it("reads a 0.11 remote state attribute as the 0.12 output, and leaves the data source's own arguments", () => {
    expect(same('${data.terraform_remote_state.net.vpc_id}', '${data.terraform_remote_state.net.outputs.vpc_id}')).toBe(true);
    expect(same('${data.terraform_remote_state.net[0].vpc_id}', '${data.terraform_remote_state.net[0].outputs.vpc_id}')).toBe(true);
    expect(same('${data.terraform_remote_state.net.vpc_id}', '${data.terraform_remote_state.net.outputs.subnet_id}')).toBe(false);
    expect(same('${data.terraform_remote_state.net.backend}', '${data.terraform_remote_state.net.outputs.backend}')).toBe(false);
  });
});
