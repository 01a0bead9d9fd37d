// What is known before apply is known: attributes that echo a written argument evaluate to it.
import { describe, expect, it } from 'vitest';
import { referencedNames } from '../../src/engine/evaluate/references.js';
import { modelOf, ruleLines } from '../helpers/model.js';

const peers = (cidrBlocks: string, extra = '') =>
  modelOf({
    'main.tf': `
variable "n" {}
variable "vpc_cidr" {}
resource "aws_vpc" "main" { cidr_block = "10.20.0.0/16" }
resource "aws_vpc" "unknown" { cidr_block = var.vpc_cidr }
resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}
resource "aws_subnet" "by_key" {
  for_each   = { x = "10.50.0.0/24" }
  cidr_block = each.value
}
resource "aws_subnet" "gated" {
  count      = var.n
  cidr_block = "10.30.0.0/24"
}
resource "aws_subnet" "gated_per_index" {
  count      = var.n
  cidr_block = cidrsubnet("10.40.0.0/16", 8, count.index)
}
${extra}
resource "aws_security_group" "x" {
  name   = "x"
  vpc_id = aws_subnet.a[0].vpc_id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ${cidrBlocks}
  }
}
`,
  }).then((m) => ({ lines: ruleLines(m).map((l) => l.replace('aws_security_group.x ingress tcp 443-443 ', '')), model: m }));

describe('known before apply', () => {
  it('an echoed argument is its value: single resources, count and for_each instances, splats', async () => {
    const { lines, model } = await peers(
      '[aws_vpc.main.cidr_block, aws_subnet.a[1].cidr_block, aws_subnet.by_key["x"].cidr_block, element(aws_subnet.a.*.cidr_block, 0)]',
    );
    expect(lines).toEqual(['cidr:10.20.0.0/16', 'cidr:10.20.1.0/24', 'cidr:10.50.0.0/24', 'cidr:10.20.0.0/24']);
    // vpc_id echoes the reference it was written as: still the VPC's identity
    expect(model.groups[0]!.vpcId).toBe('aws_vpc.main.id');
    expect((await peers('aws_subnet.a[*].cidr_block')).lines).toEqual(['cidr:10.20.0.0/24', 'cidr:10.20.1.0/24']);
  });

  it('a gated resource (unknown count) echoes an argument that does not depend on the instance', async () => {
    expect((await peers('aws_subnet.gated[*].cidr_block')).lines).toEqual(['cidr:10.30.0.0/24']);
    expect((await peers('[aws_subnet.gated[0].cidr_block]')).lines).toEqual(['cidr:10.30.0.0/24']);
    expect((await peers('aws_subnet.gated_per_index[*].cidr_block')).lines).toEqual(['unresolved:aws_subnet.gated_per_index.cidr_block']);
  });

  it('computed attributes and unknown arguments stay unknown, with their identity', async () => {
    expect((await peers('[aws_vpc.main.ipv6_cidr_block]')).lines).toEqual(['unresolved:aws_vpc.main.ipv6_cidr_block']);
    expect((await peers('[aws_vpc.unknown.cidr_block]')).lines).toEqual(['unresolved:aws_vpc.unknown.cidr_block']);
    expect((await peers('[data.aws_vpc.d.cidr_block]', 'data "aws_vpc" "d" {}')).lines).toEqual(['unresolved:data.aws_vpc.d.cidr_block']);
    // not written: computed (a default VPC's block is AWS's)
    expect((await peers('[aws_default_vpc.d.cidr_block]', 'resource "aws_default_vpc" "d" {}')).lines).toEqual(['unresolved:aws_default_vpc.d.cidr_block']);
  });

  it('an argument that refers to itself is a cycle, not a crash', async () => {
    const { lines } = await peers('[aws_vpc.self.cidr_block]', 'resource "aws_vpc" "self" { cidr_block = aws_vpc.self.cidr_block }');
    expect(lines).toEqual(['unresolved:aws_vpc.self.cidr_block']);
  });

  it('a data source echoes what its argument fixes (an engine version of the engine looked up); its instances and computed attributes stay unknown', async () => {
    const port = (expr: string) =>
      modelOf({
        'main.tf': `
data "aws_rds_engine_version" "pg" { engine = "aurora-postgresql" }
data "aws_rds_engine_version" "each" {
  for_each = toset(["aurora-postgresql"])
  engine   = each.key
}
resource "aws_security_group" "x" {
  name = "x"
  ingress {
    from_port   = ${expr}
    to_port     = ${expr}
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`,
      }).then((m) => ruleLines(m).map((l) => l.split(' ')[3]));
    expect(await port('data.aws_rds_engine_version.pg.engine == "aurora-postgresql" ? 5432 : 3306')).toEqual(['5432-5432']);
    expect(await port('data.aws_rds_engine_version.each["aurora-postgresql"].engine == "aurora-postgresql" ? 5432 : 3306')).toEqual(['0-65535']);
    expect(await port('startswith(data.aws_rds_engine_version.pg.version, "17") ? 5432 : 3306')).toEqual(['0-65535']);
  });

  it('names echoed arguments a value refers to (for "what changed"), never computed attributes', () => {
    expect(
      referencedNames(
        '${concat([aws_vpc.main.cidr_block], aws_subnet.a[*].cidr_block, [aws_subnet.b["k"].cidr_block], [aws_vpc.main.id], var.x, [terraform_data.t.id])}',
      ),
    ).toEqual(['var.x', 'aws_vpc.main.cidr_block', 'aws_subnet.a.cidr_block', 'aws_subnet.b.cidr_block']);
  });

  it('names the data source an attribute is read from (its arguments decide it), and terraform_data behind its output', () => {
    expect(referencedNames('${concat(data.aws_vpc.d.cidr_block, [data.aws_rds_engine_version.pg.engine], [terraform_data.t.output])}')).toEqual([
      'data.aws_vpc.d',
      'data.aws_rds_engine_version.pg.engine',
      'data.aws_rds_engine_version.pg',
      'terraform_data.t',
    ]);
  });
});
