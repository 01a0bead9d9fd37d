// Findings in an unchanged local module sit on the caller's change (PRODUCT.md §3, "Where a finding sits").
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { reviewFiles } from '../../src/engine/review-files.js';

const MODULE = `variable "cidr" {}
resource "aws_security_group" "this" {
  name        = "this"
  description = "this"
}
resource "aws_vpc_security_group_ingress_rule" "https" {
  description       = "https"
  security_group_id = aws_security_group.this.id
  ip_protocol       = "tcp"
  from_port         = 8443
  to_port           = 8443
  cidr_ipv4         = var.cidr
}
`;
const call = (name: string, source: string, cidr: string) => `module "${name}" {
  source = "${source}"
  cidr   = ${cidr}
}
`;
const files = (tree: Record<string, string>) => Object.entries(tree).map(([path, content]) => ({ path, content }));

async function ingress(base: Record<string, string>, head: Record<string, string>) {
  const result = await reviewFiles(files(base), files(head), DEFAULT_CONFIG);
  return result.findings
    .filter((f) => f.rule === 'new-ingress')
    .map((f) => ({ at: `${f.location.file}:${f.location.startLine}`, related: (f.related ?? []).map((r) => `${r.file}:${r.startLine}`) }));
}

describe('a finding in an unchanged local module', () => {
  it('sits on the argument a nested call passes down, when only the outer caller changed', async () => {
    const outer = (cidr: string) => ({ 'main.tf': call('app', './modules/app', cidr) });
    const app = { 'modules/app/main.tf': `variable "cidr" {}\n${call('sg', '../sg', 'var.cidr')}`, 'modules/sg/main.tf': MODULE };
    expect(await ingress({ ...outer('"10.0.0.0/8"'), ...app }, { ...outer('"0.0.0.0/0"'), ...app })).toEqual([
      { at: 'main.tf:3', related: ['modules/sg/main.tf:6'] },
    ]);
  });

  it('stays on the module rule when the rule itself changed too', async () => {
    const root = (cidr: string) => ({ 'main.tf': call('sg', './modules/sg', cidr) });
    const edited = MODULE.replace('description       = "https"', 'description       = "https, edited"');
    expect(await ingress({ ...root('"10.0.0.0/8"'), 'modules/sg/main.tf': MODULE }, { ...root('"0.0.0.0/0"'), 'modules/sg/main.tf': edited })).toEqual([
      { at: 'modules/sg/main.tf:6', related: [] },
    ]);
  });

  it('a new call of an existing module sits on the call', async () => {
    const module = { 'modules/sg/main.tf': MODULE, 'main.tf': call('old', './modules/sg', '"10.0.0.0/8"') };
    expect(await ingress(module, { ...module, 'new.tf': call('added', './modules/sg', '"0.0.0.0/0"') })).toEqual([
      { at: 'new.tf:1', related: ['modules/sg/main.tf:6'] },
    ]);
  });

  it('sits on the changed local the argument refers to', async () => {
    const root = (cidr: string) => ({ 'main.tf': `locals {\n  office = "${cidr}"\n}\n${call('sg', './modules/sg', 'local.office')}` });
    expect(await ingress({ ...root('10.0.0.0/8'), 'modules/sg/main.tf': MODULE }, { ...root('0.0.0.0/0'), 'modules/sg/main.tf': MODULE })).toEqual([
      { at: 'main.tf:2', related: ['modules/sg/main.tf:6'] },
    ]);
  });
});
