variable "name" {}
variable "ingress_cidr" {}

resource "aws_security_group" "this" {
  name        = var.name
  description = "managed by the sg module"
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  description       = "ssh"
  security_group_id = aws_security_group.this.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = var.ingress_cidr
}
