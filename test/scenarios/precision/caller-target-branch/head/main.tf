# The rules now go to the group the callers pass when they pass one. The HTTPS rule opens
# nothing new on the module's own group, but it may now be on a group a caller passes: that
# is not hidden (one low for both rules). The new SSH rule to the internet keeps its own
# critical finding on the module's group.
variable "create" {
  type    = bool
  default = true
}

variable "security_group_id" {
  type    = string
  default = null
}

locals {
  group_id = var.create ? aws_security_group.this[0].id : var.security_group_id
}

resource "aws_security_group" "this" {
  count       = var.create ? 1 : 0
  name        = "app"
  description = "App"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "https" {
  description       = "HTTPS from the VPC"
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = var.create ? aws_security_group.this[0].id : var.security_group_id
}

resource "aws_security_group_rule" "ssh" {
  description       = "SSH from anywhere"
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = local.group_id
}
