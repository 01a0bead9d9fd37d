variable "group_id" { type = string }
variable "range" { type = string }

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = var.group_id
  description       = "admin SSH"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = var.range
}
