variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "ingress_rules" {
  type    = list(object({ port = number, cidrs = list(string) }))
  default = []
}

variable "egress_rules" {
  type    = list(object({ port = number, cidrs = list(string) }))
  default = []
}

variable "source_groups" {
  type    = map(string)
  default = {}
}

resource "aws_security_group" "this" {
  name_prefix = var.name
  description = "managed by the wrapper"
  vpc_id      = var.vpc_id
}

resource "aws_security_group_rule" "ingress" {
  count             = length(var.ingress_rules)
  type              = "ingress"
  description       = "ingress rule ${count.index}"
  from_port         = var.ingress_rules[count.index].port
  to_port           = var.ingress_rules[count.index].port
  protocol          = "tcp"
  cidr_blocks       = var.ingress_rules[count.index].cidrs
  security_group_id = aws_security_group.this.id
}

resource "aws_security_group_rule" "egress" {
  count             = length(var.egress_rules)
  type              = "egress"
  description       = "egress rule ${count.index}"
  from_port         = var.egress_rules[count.index].port
  to_port           = var.egress_rules[count.index].port
  protocol          = "tcp"
  cidr_blocks       = var.egress_rules[count.index].cidrs
  security_group_id = aws_security_group.this.id
}

resource "aws_security_group_rule" "from_groups" {
  for_each                 = var.source_groups
  type                     = "ingress"
  description              = "from ${each.key}"
  from_port                = 443
  to_port                  = 443
  protocol                 = "tcp"
  source_security_group_id = each.value
  security_group_id        = aws_security_group.this.id
}
