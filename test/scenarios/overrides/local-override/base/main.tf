locals {
  admin_cidr = "10.1.0.0/16"
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "admin access"
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.admin.id
  description       = "ssh from the admin network"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = local.admin_cidr
}
