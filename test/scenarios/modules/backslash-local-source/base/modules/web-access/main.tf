variable "group_id" { type = string }
variable "cidr" { type = string }

resource "aws_vpc_security_group_ingress_rule" "web" {
  security_group_id = var.group_id
  description       = "web"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.cidr
}
