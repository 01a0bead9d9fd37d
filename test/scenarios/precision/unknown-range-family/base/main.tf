# The load balancer's group already allows the whole internet on 443 (IPv4 and IPv6) and
# every protocol out to 0.0.0.0/0; the web group allows 80 from everyone, in one
# aws_security_group_rule. The database's group allows one known range only.
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
  description       = "Anywhere"
  security_group_id = aws_security_group.lb.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  description       = "HTTPS from the internet"
  security_group_id = aws_security_group.lb.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "https_v6" {
  description       = "HTTPS from the internet, IPv6"
  security_group_id = aws_security_group.lb.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = "::/0"
}

resource "aws_security_group_rule" "http" {
  description       = "HTTP from the internet"
  type              = "ingress"
  from_port         = 80
  to_port           = 80
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  ipv6_cidr_blocks  = ["::/0"]
  security_group_id = aws_security_group.web.id
}

resource "aws_vpc_security_group_ingress_rule" "db_clients" {
  description       = "Clients"
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = "10.0.0.0/16"
}
