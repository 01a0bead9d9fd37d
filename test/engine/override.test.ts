// Override files merged as Terraform merges them (language/files/override).
import { describe, expect, it } from 'vitest';
import { isOverrideFile } from '../../src/engine/hcl/override.js';
import { modelOf, ruleLines } from '../helpers/model.js';

const group = (body: string) => `resource "aws_security_group" "g" {
  name = "g"
${body}
}
`;
const rule = (port: number, cidr: string) => `  ingress {
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = ["${cidr}"]
  }
`;
const dynamicRule = (cidr: string) => `  dynamic "ingress" {
    for_each = [80, 81]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["${cidr}"]
    }
  }
`;

describe('override files', () => {
  it('recognises the names Terraform treats as overrides', () => {
    expect(['override.tf', 'override.tf.json', 'a/x_override.tf', 'x_override.tf.json'].map(isOverrideFile)).toEqual([true, true, true, true]);
    expect(['overrides.tf', 'myoverride.tf', 'override.tfvars', 'x_override.tf.bak'].map(isOverrideFile)).toEqual([false, false, false, false]);
  });

  it('nested blocks replace all original blocks of the type, static and dynamic alike; other types stay', async () => {
    const m = await modelOf({
      'main.tf': group(rule(443, '10.0.0.0/8') + dynamicRule('10.1.0.0/16') + rule(0, '10.2.0.0/16').replace(/ingress/g, 'egress')),
      'override.tf': group(rule(22, '0.0.0.0/0')),
    });
    expect(ruleLines(m)).toEqual(['aws_security_group.g egress tcp 0-0 cidr:10.2.0.0/16', 'aws_security_group.g ingress tcp 22-22 cidr:0.0.0.0/0']);
    expect(m.rules.find((r) => r.direction === 'ingress')!.location).toEqual({ file: 'override.tf', startLine: 3, endLine: 8 });
  });

  it('a JSON override is located to its arguments and nested blocks, as an HCL one is', async () => {
    const json = JSON.stringify(
      {
        resource: {
          aws_security_group: { g: { description: 'renamed', ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } },
        },
      },
      null,
      2,
    );
    const m = await modelOf({ 'main.tf': group(rule(443, '10.0.0.0/8')), 'g_override.tf.json': json });
    const lineOf = (text: string) => json.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(m.groups[0]!.attributes['description']).toEqual({
      file: 'g_override.tf.json',
      startLine: lineOf('"description"'),
      endLine: lineOf('"description"'),
    });
    expect(m.rules.find((r) => r.direction === 'ingress')!.location).toMatchObject({ file: 'g_override.tf.json', startLine: lineOf('"ingress"') });
  });

  it('a dynamic block in the override hides the static blocks of its type', async () => {
    const m = await modelOf({ 'main.tf': group(rule(443, '10.0.0.0/8')), 'z_override.tf': group(dynamicRule('0.0.0.0/0')) });
    expect(ruleLines(m)).toEqual(['aws_security_group.g ingress tcp 80-80 cidr:0.0.0.0/0', 'aws_security_group.g ingress tcp 81-81 cidr:0.0.0.0/0']);
  });

  it('arguments are replaced one by one; later override files win (lexicographical order)', async () => {
    const legacy = (attrs: string) => `resource "aws_security_group_rule" "r" {
${attrs}
}
`;
    const m = await modelOf({
      'main.tf': legacy(`  type = "ingress"
  security_group_id = "sg-1"
  from_port = 22
  to_port = 22
  protocol = "tcp"
  cidr_blocks = ["10.0.0.0/8"]`),
      'b_override.tf': legacy('  cidr_blocks = ["0.0.0.0/0"]'),
      'a_override.tf': legacy('  cidr_blocks = ["192.0.2.0/24"]\n  from_port = 21'),
    });
    expect(ruleLines(m)).toEqual(['sg-1 ingress tcp 21-22 cidr:0.0.0.0/0']);
  });

  it('lifecycle merges argument by argument', async () => {
    const m = await modelOf({
      'main.tf': `resource "aws_security_group_rule" "r" {
  type = "ingress"
  security_group_id = "sg-1"
  from_port = 22
  to_port = 22
  protocol = "tcp"
  cidr_blocks = ["10.0.0.0/8"]
  lifecycle {
    ignore_changes = [description]
  }
}
`,
      'override.tf': `resource "aws_security_group_rule" "r" {
  lifecycle {
    create_before_destroy = true
  }
}
`,
    });
    expect(m.declarations[0]!.createBeforeDestroy).toBe(true);
  });

  it('variables, locals and module calls merge too; an override without an original is an error', async () => {
    const m = await modelOf({
      'main.tf': `variable "cidr" {
  default = "10.0.0.0/8"
}
locals {
  port = 443
}
resource "aws_vpc_security_group_ingress_rule" "r" {
  security_group_id = "sg-1"
  ip_protocol       = "tcp"
  from_port         = local.port
  to_port           = local.port
  cidr_ipv4         = var.cidr
}
`,
      'override.tf': `variable "cidr" {
  default = "0.0.0.0/0"
}
locals {
  port = 22
}
resource "aws_security_group" "ghost" {
  name = "ghost"
}
`,
    });
    expect(ruleLines(m)).toEqual(['sg-1 ingress tcp 22-22 cidr:0.0.0.0/0']);
    expect(m.inputs.filter((i) => i.kind !== 'tfvars').map((i) => `${i.kind} ${i.name} ${i.file}:${i.line}`)).toEqual([
      'variable cidr override.tf:2',
      'local port override.tf:5',
    ]);
    expect(m.parseErrors).toEqual([
      { file: 'override.tf', line: 7, column: 1, message: expect.stringContaining('resource "aws_security_group" "ghost" overrides nothing') },
    ]);
  });
});
