variable "vpc_id" {}

variable "create" {
  default = true
}

variable "load_balancer_type" {
  default = "application"
}

variable "rules" {
  type    = any
  default = {}
}

locals {
  create_security_group = var.create && var.load_balancer_type == "application"
}

resource "aws_security_group" "this" {
  count       = local.create_security_group ? 1 : 0
  name        = "lb"
  description = "Load balancer"
  vpc_id      = var.vpc_id
}

resource "aws_security_group_rule" "this" {
  for_each = { for k, v in var.rules : k => v if local.create_security_group }

  security_group_id = aws_security_group.this[0].id
  type              = each.value.type
  protocol          = each.value.protocol
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  description       = lookup(each.value, "description", null)
  cidr_blocks       = lookup(each.value, "cidr_blocks", null)
}
