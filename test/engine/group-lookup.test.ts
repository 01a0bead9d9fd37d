// A group read by a data source is a group of this configuration only when the lookup can find
// no other: by a group-id filter, by a name (filter or argument) a single group of ours has in
// the VPC the lookup names. Anything less certain stays the data source's unknown.
import { describe, expect, it } from 'vitest';
import { modelOf, ruleLines } from '../helpers/model.js';

const GROUPS = `
variable "edge_name" {}
variable "vpc" {}
resource "aws_security_group" "edge" {
  name   = "public-lb"
  vpc_id = "vpc-0a1"
}
resource "aws_security_group" "edge_other_vpc" {
  name   = "public-lb"
  vpc_id = "vpc-0b2"
}
resource "aws_security_group" "tools" {
  name   = "tools"
  vpc_id = "vpc-0a1"
}
`;

/** The database rule's peer when it reads `peer`, beside the data sources and groups given. */
const peerOf = (peer: string, extra: string, groups = GROUPS) =>
  modelOf({
    'main.tf': `${groups}
${extra}
resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1"
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [${peer}]
  }
}
`,
  }).then((m) => ruleLines(m).map((l) => l.split(' ').at(-1)));

describe('a security group looked up by a data source', () => {
  it('by a group-id filter with one value is that group, also through aws_security_groups', async () => {
    const filter = 'filter {\n name = "group-id"\n values = [aws_security_group.tools.id]\n }';
    expect(await peerOf('data.aws_security_group.x.id', `data "aws_security_group" "x" {\n${filter}\n}`)).toEqual(['group:aws_security_group.tools']);
    expect(await peerOf('data.aws_security_groups.x.ids[0]', `data "aws_security_groups" "x" {\n${filter}\n}`)).toEqual(['group:aws_security_group.tools']);
    // two ids: either may come first
    const two = 'filter {\n name = "group-id"\n values = [aws_security_group.tools.id, aws_security_group.edge.id]\n }';
    expect(await peerOf('data.aws_security_groups.x.ids[0]', `data "aws_security_groups" "x" {\n${two}\n}`)).toEqual([
      'unresolved:data.aws_security_groups.x.ids[0]',
    ]);
  });

  it('by a name only one group of ours has, in the VPC named when one is', async () => {
    expect(await peerOf('data.aws_security_group.x.id', 'data "aws_security_group" "x" { name = "tools" }')).toEqual(['group:aws_security_group.tools']);
    const byFilter = 'data "aws_security_group" "x" {\n filter {\n name = "group-name"\n values = ["public-lb"]\n }\n vpc_id = "vpc-0b2"\n}';
    expect(await peerOf('data.aws_security_group.x.id', byFilter)).toEqual(['group:aws_security_group.edge_other_vpc']);
    const plural = 'data "aws_security_groups" "x" {\n filter {\n name = "group-name"\n values = ["tools"]\n }\n}';
    expect(await peerOf('data.aws_security_groups.x.ids[0]', plural)).toEqual(['group:aws_security_group.tools']);
  });

  it('stays unknown when the match is not certain', async () => {
    const unknown = (extra: string, groups?: string) => peerOf('data.aws_security_group.x.id', extra, groups).then((p) => p[0]);
    const stays = 'unresolved:data.aws_security_group.x.id';
    // two groups of ours have the name (no VPC named: the lookup fails)
    expect(await unknown('data "aws_security_group" "x" { name = "public-lb" }')).toBe(stays);
    // a name not of ours, or not known
    expect(await unknown('data "aws_security_group" "x" { name = "partners" }')).toBe(stays);
    expect(await unknown('data "aws_security_group" "x" { name = var.edge_name }')).toBe(stays);
    // a VPC not known, or a group whose VPC is not known
    expect(await unknown('data "aws_security_group" "x" {\n name = "tools"\n vpc_id = var.vpc\n}')).toBe(stays);
    const vpcUnknown = 'resource "aws_security_group" "tools" {\n name = "tools"\n vpc_id = var.vpc\n}';
    expect(await unknown('data "aws_security_group" "x" {\n name = "tools"\n vpc_id = "vpc-0a1"\n}', `variable "vpc" {}\n${vpcUnknown}`)).toBe(stays);
    // another group of ours may have the name: a name not known, a prefix
    const mayBe = `${GROUPS}\nresource "aws_security_group" "other" { name = var.edge_name }`;
    expect(await unknown('data "aws_security_group" "x" { name = "tools" }', mayBe)).toBe(stays);
    const prefixed = `${GROUPS}\nresource "aws_security_group" "other" { name_prefix = "to" }`;
    expect(await unknown('data "aws_security_group" "x" { name = "tools" }', prefixed)).toBe(stays);
    // instances of the data source, a filter written as a dynamic block
    expect(await peerOf('data.aws_security_group.x[0].id', 'data "aws_security_group" "x" {\n count = 1\n name = "tools"\n}').then((p) => p[0])).toBe(stays);
    const dynamic =
      'data "aws_security_group" "x" {\n dynamic "filter" {\n for_each = ["tools"]\n content {\n name = "group-name"\n values = [filter.value]\n }\n }\n}';
    expect(await unknown(dynamic)).toBe(stays);
  });

  it('a group whose count reads the data source that finds it is read once, not endlessly', async () => {
    const cycle = `resource "aws_security_group" "self" {\n count = data.aws_security_group.x.id == "" ? 0 : 1\n name = "self"\n}`;
    expect(await peerOf('data.aws_security_group.x.id', 'data "aws_security_group" "x" { name = "self" }', cycle)).toEqual(['group:aws_security_group.self']);
  });
});
