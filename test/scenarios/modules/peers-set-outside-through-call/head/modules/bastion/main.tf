variable "allowed_cidrs" {
  type = list(string)
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion hosts"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  description       = "SSH for operators"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.allowed_cidrs
  security_group_id = aws_security_group.bastion.id
}
