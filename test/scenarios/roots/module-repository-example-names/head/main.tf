variable "allowed_cidrs" {
  type    = list(string)
  default = []
}

variable "allowed_ipv6_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "default" {
  name   = "db"
  vpc_id = "vpc-1"
}

resource "aws_security_group_rule" "ingress_cidrs" {
  count             = length(var.allowed_cidrs) > 0 ? 1 : 0
  type              = "ingress"
  description       = "Postgres from the allowed ranges"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = var.allowed_cidrs
  security_group_id = aws_security_group.default.id
}

resource "aws_security_group_rule" "ingress_ipv6" {
  count             = length(var.allowed_ipv6_cidrs) > 0 ? 1 : 0
  type              = "ingress"
  description       = "Postgres from the allowed IPv6 ranges"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  ipv6_cidr_blocks  = var.allowed_ipv6_cidrs
  security_group_id = aws_security_group.default.id
}
