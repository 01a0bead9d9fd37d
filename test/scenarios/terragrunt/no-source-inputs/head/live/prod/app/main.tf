variable "allowed" {
  type    = list(string)
  default = ["10.20.0.0/16"]
}

resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-1"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = var.allowed
  description       = "ssh for admins"
}
