variable "name" {
  type = string
}

resource "aws_security_group" "this" {
  name        = var.name
  description = "Bastion hosts"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.this.id
  description       = "Break-glass SSH"
}
