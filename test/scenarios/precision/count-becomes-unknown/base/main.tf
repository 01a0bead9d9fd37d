variable "enabled" {
  default = true
}

module "this" {
  source  = "cloudposse/label/null"
  version = "0.25.0"
}

resource "aws_security_group" "default" {
  count       = var.enabled ? 1 : 0
  name        = "app"
  description = "app servers"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "egress" {
  count             = var.enabled ? 1 : 0
  description       = "all egress"
  type              = "egress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = join("", aws_security_group.default.*.id)
}

resource "aws_security_group_rule" "postgres" {
  count             = var.enabled ? 1 : 0
  description       = "postgres from the VPC"
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
  security_group_id = join("", aws_security_group.default.*.id)
}
