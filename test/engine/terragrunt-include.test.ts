// Terragrunt include: the parent's inputs merged under the unit's (shallow by default, deep on
// request), each evaluated in the file that wrote it, with Terragrunt's path functions
// answering for the unit; an include that cannot be read leaves the module unanalysed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelOf, ruleLines } from '../helpers/model.js';

const SG = readFileSync(join(import.meta.dirname, '../scenarios/modules/terragrunt-parent-inputs/base/modules/sg/main.tf'), 'utf8');

const unit = (include: string, inputs = '', extra = '') => `${include}

terraform {
  source = "../../../modules//sg"
}
${extra}
inputs = {
  name = "web"
  ${inputs}
}
`;

const tree = (files: Record<string, string>) => modelOf({ 'modules/sg/main.tf': SG, ...files });
const opened = async (files: Record<string, string>) => ruleLines(await tree(files)).filter((l) => l.includes(' ingress '));

describe('Terragrunt include', () => {
  it.each([
    ['include "root" { path = find_in_parent_folders("root.hcl") }'],
    ['include { path = find_in_parent_folders("root.hcl") }'],
    ['include "root" {\n  path = "${get_terragrunt_dir()}/../../root.hcl"\n}'],
    ['include "root" {\n  path = "../../root.hcl"\n}'],
  ])('merges the inputs of the file it includes: %s', async (include) => {
    const rules = await opened({
      'live/root.hcl': 'inputs = {\n  ingress_rules = ["ssh-tcp"]\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n',
      'live/prod/web/terragrunt.hcl': unit(include),
    });
    expect(rules).toEqual(['module.terragrunt.aws_security_group.this ingress tcp 22-22 cidr:0.0.0.0/0']);
  });

  it('find_in_parent_folders() with no name finds the parent terragrunt.hcl', async () => {
    const rules = await opened({
      'live/terragrunt.hcl': 'inputs = {\n  ingress_rules = ["ssh-tcp"]\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n',
      'live/prod/web/terragrunt.hcl': unit('include "root" { path = find_in_parent_folders() }'),
    });
    expect(rules).toEqual(['live/prod/web:module.terragrunt.aws_security_group.this ingress tcp 22-22 cidr:0.0.0.0/0']);
  });

  it('shallow merge: a key the unit sets replaces the parent one whole', async () => {
    const rules = await opened({
      'live/root.hcl': 'inputs = {\n  ingress_rules = ["ssh-tcp"]\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n',
      'live/prod/web/terragrunt.hcl': unit('include "root" { path = find_in_parent_folders("root.hcl") }', 'ingress_cidr_blocks = ["10.0.0.0/8"]'),
    });
    expect(rules).toEqual(['module.terragrunt.aws_security_group.this ingress tcp 22-22 cidr:10.0.0.0/8']);
  });

  it('deep merge concatenates lists: the parent part is kept', async () => {
    const rules = await opened({
      'live/root.hcl': 'inputs = {\n  ingress_rules = ["ssh-tcp"]\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n',
      'live/prod/web/terragrunt.hcl': unit(
        'include "root" {\n  path = find_in_parent_folders("root.hcl")\n  merge_strategy = "deep"\n}',
        'ingress_cidr_blocks = ["10.0.0.0/8"]',
      ),
    });
    expect(rules).toEqual([
      'module.terragrunt.aws_security_group.this ingress tcp 22-22 cidr:0.0.0.0/0',
      'module.terragrunt.aws_security_group.this ingress tcp 22-22 cidr:10.0.0.0/8',
    ]);
  });

  it('no_merge includes nothing into the inputs, but exposes the parent', async () => {
    const rules = await opened({
      'live/root.hcl': 'locals {\n  world = "0.0.0.0/0"\n}\ninputs = {\n  ingress_rules = ["ssh-tcp"]\n}\n',
      'live/prod/web/terragrunt.hcl': unit(
        'include "root" {\n  path = find_in_parent_folders("root.hcl")\n  merge_strategy = "no_merge"\n  expose = true\n}',
        'ingress_rules = ["https-443-tcp"]\n  ingress_cidr_blocks = [include.root.locals.world]',
      ),
    });
    expect(rules).toEqual(['module.terragrunt.aws_security_group.this ingress tcp 443-443 cidr:0.0.0.0/0']);
  });

  it('inputs written as an expression over the exposed parent', async () => {
    const rules = await opened({
      'live/root.hcl': 'inputs = {\n  ingress_rules = ["ssh-tcp"]\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n',
      'live/prod/web/terragrunt.hcl': `include "root" {
  path = find_in_parent_folders("root.hcl")
  expose = true
  merge_strategy = "no_merge"
}
terraform {
  source = "../../../modules//sg"
}
inputs = merge(include.root.inputs, { name = "web" })
`,
    });
    expect(rules).toEqual(['module.terragrunt.aws_security_group.this ingress tcp 22-22 cidr:0.0.0.0/0']);
  });

  it("the parent's source and path functions answer for the unit", async () => {
    const model = await tree({
      'live/root.hcl':
        'terraform {\n  source = "${get_parent_terragrunt_dir()}/../modules//sg"\n}\ninputs = {\n  name = "sg-${path_relative_to_include()}"\n  ingress_rules = ["ssh-tcp"]\n  ingress_cidr_blocks = ["${path_relative_from_include()}" == "../.." ? "0.0.0.0/0" : "10.0.0.0/8"]\n}\n',
      'live/prod/web/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
    });
    expect(model.moduleCalls.map((c) => [c.address, c.source, c.how])).toEqual([['module.terragrunt', '../../../modules/sg', 'local']]);
    expect(ruleLines(model).filter((l) => l.includes(' ingress '))).toEqual(['module.terragrunt.aws_security_group.this ingress tcp 22-22 cidr:0.0.0.0/0']);
    expect(model.groups.map((g) => g.name)).toEqual(['sg-prod/web']);
  });

  it('an include that cannot be read leaves the module unanalysed, saying why', async () => {
    const model = await tree({
      'live/prod/web/terragrunt.hcl': unit('include "root" { path = find_in_parent_folders("root.hcl") }', 'ingress_rules = ["ssh-tcp"]'),
    });
    expect(model.moduleCalls[0]).toMatchObject({ address: 'module.terragrunt', how: null });
    expect(model.moduleCalls[0]!.reason).toMatch(/includes a file that could not be read .*not known statically/);
    expect(model.rules).toEqual([]);
  });

  it('a .hcl file no unit includes is not parsed (it may be Packer or Nomad)', async () => {
    const model = await tree({ 'packer/build.pkr.hcl': 'source "x" {\n  broken = \n', 'live/prod/web/terragrunt.hcl': unit('') });
    expect(model.parseErrors).toEqual([]);
    expect(model.files).not.toContain('packer/build.pkr.hcl');
  });

  it.each([
    ['a file of the tree: its locals', '"../common.hcl"', ['cidr:0.0.0.0/0']],
    ['a missing file with a default: the default', '"../missing.hcl", { locals = { cidrs = ["10.0.0.0/8"] } }', ['cidr:10.0.0.0/8']],
  ])('read_terragrunt_config() of %s', async (_, args, cidrs) => {
    const rules = await opened({
      'live/prod/common.hcl': 'locals {\n  cidrs = ["0.0.0.0/0"]\n}\n',
      'live/prod/web/terragrunt.hcl': unit(
        '',
        'ingress_rules = ["ssh-tcp"]\n  ingress_cidr_blocks = local.common.locals.cidrs',
        `locals {\n  common = read_terragrunt_config(${args})\n}\n`,
      ),
    });
    expect(rules).toEqual(cidrs.map((c) => `module.terragrunt.aws_security_group.this ingress tcp 22-22 ${c}`));
  });

  it('read_terragrunt_config() of a file that is not there, with no default, is unknown', async () => {
    const model = await tree({
      'live/prod/web/terragrunt.hcl': unit(
        '',
        'ingress_rules = ["ssh-tcp"]\n  ingress_cidr_blocks = local.common.locals.cidrs',
        'locals {\n  common = read_terragrunt_config("../common.hcl")\n}\n',
      ),
    });
    expect(model.rules.map((r) => r.unresolved ?? (r.peer.type === 'unresolved' ? r.peer.reason : 'known'))).toEqual([
      expect.stringContaining('live/prod/common.hcl could not be read'),
    ]);
  });
});
