// Terraform 0.11 reads `x.id` on a resource with count = 1 as its one instance's; a list written
// in the code has no attributes (`[x].id` is an error in Terraform 0.12 and later).
import { describe, expect, it } from 'vitest';
import { modelOf, ruleLines } from '../helpers/model.js';

const rule = (target: string) => `
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = ${target}
}`;

describe('a resource with count = 1', () => {
  it('is read as its one instance in 0.11 code (`x.id`)', async () => {
    const m = await modelOf({
      'main.tf': `resource "aws_security_group" "a" {\n  count = 1\n  name  = "a"\n}\n${rule('"${aws_security_group.a.id}"')}`,
    });
    expect(ruleLines(m)).toEqual(['aws_security_group.a[0] ingress tcp 22-22 cidr:10.0.0.0/8']);
  });

  it('is not what a one-element list written in the code reads as (`[x].id`)', async () => {
    const m = await modelOf({ 'main.tf': `resource "aws_security_group" "b" {\n  name = "b"\n}\n${rule('[aws_security_group.b][0].id')}\n` });
    const listed = await modelOf({ 'main.tf': `resource "aws_security_group" "b" {\n  name = "b"\n}\n${rule('[aws_security_group.b].id')}\n` });
    expect(ruleLines(m)).toEqual(['aws_security_group.b ingress tcp 22-22 cidr:10.0.0.0/8']);
    // Terraform refuses it: the target is not the group, it is an expression that does not evaluate
    expect(ruleLines(listed)).toEqual(['[aws_security_group.b].id ingress tcp 22-22 cidr:10.0.0.0/8']);
    expect(listed.unknowns.map((u) => [u.attribute, u.reason])).toEqual([['security_group_id', 'evaluation error: cannot read attribute "id" of a list']]);
  });
});
