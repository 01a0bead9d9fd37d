# Unknown ranges are still addresses of their field's family. Inside what the base already
# allowed to the whole family on those ports they open nothing: egress to the VPC's range,
# 443 and 80 from partners (IPv4 and IPv6). Reported: an unknown range where the base allowed
# only a narrower known one (the database), an IPv6 range where only IPv4 was open to
# everyone (egress), and ports beyond those open to everyone (443-8443).
# Nothing is listed as closed: the unknown ranges may still be the whole internet.
variable "vpc_cidr" {
  type = string
}

variable "partner_ipv6" {
  type = string
}

variable "partner_cidrs" {
  type = list(string)
}

variable "db_clients" {
  type = string
}

resource "aws_security_group" "lb" {
  name_prefix = "lb-"
}

resource "aws_security_group" "web" {
  name_prefix = "web-"
}

resource "aws_security_group" "db" {
  name_prefix = "db-"
}

resource "aws_vpc_security_group_egress_rule" "lb_out" {
  description       = "The VPC only"
  security_group_id = aws_security_group.lb.id
  ip_protocol       = "-1"
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  description       = "HTTPS from partners"
  security_group_id = aws_security_group.lb.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_security_group_ingress_rule" "https_v6" {
  description       = "HTTPS from partners, IPv6"
  security_group_id = aws_security_group.lb.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = var.partner_ipv6
}

resource "aws_vpc_security_group_ingress_rule" "partner_admin" {
  description       = "Admin console from the VPC"
  security_group_id = aws_security_group.lb.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 8443
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_security_group_egress_rule" "lb_out_v6" {
  description       = "The VPC only, IPv6"
  security_group_id = aws_security_group.lb.id
  ip_protocol       = "-1"
  cidr_ipv6         = var.partner_ipv6
}

resource "aws_security_group_rule" "http" {
  description       = "HTTP from partners"
  type              = "ingress"
  from_port         = 80
  to_port           = 80
  protocol          = "tcp"
  cidr_blocks       = var.partner_cidrs
  ipv6_cidr_blocks  = [var.partner_ipv6]
  security_group_id = aws_security_group.web.id
}

resource "aws_vpc_security_group_ingress_rule" "db_clients" {
  description       = "Clients"
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.db_clients
}
