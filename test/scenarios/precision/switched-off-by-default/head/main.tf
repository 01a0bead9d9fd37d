# A module-style root: feature flags default to off and are set by whoever runs it
# (-var / TF_VAR_ in CI), not by a tfvars file in the repository.
variable "vpc_id" {
  type = string
}

variable "enable_bastion" {
  type    = bool
  default = false
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion hosts"
  vpc_id      = var.vpc_id
}

resource "aws_security_group_rule" "bastion_ssh" {
  count             = var.enable_bastion ? 1 : 0
  type              = "ingress"
  description       = "SSH for operators"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.bastion.id
}
