variable "vpc_id" {
  type = string
}

variable "ssh_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

resource "aws_security_group" "bastion" {
  name_prefix = "bastion-"
  vpc_id      = var.vpc_id
}

# Two stacks call the module with the default (the internet), one with its office's range:
# the first two give one finding, the third its own.
resource "aws_security_group_rule" "ssh" {
  description       = "SSH to the bastion"
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.ssh_cidrs
  security_group_id = aws_security_group.bastion.id
}
