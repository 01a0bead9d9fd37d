variable "bastion_ssh_enabled" {
  description = "Opens SSH to the bastion from anywhere (break-glass)"
  type        = bool
  default     = true
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion hosts"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "bastion_ssh" {
  count             = var.bastion_ssh_enabled ? 1 : 0
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.bastion.id
  description       = "Break-glass SSH"
}
