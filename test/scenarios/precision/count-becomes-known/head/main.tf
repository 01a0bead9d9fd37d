variable "enabled" {
  default = true
}

module "this" {
  source  = "cloudposse/label/null"
  version = "0.25.0"
}

# the count is unknown at the base (module.this is not read) and known here: same group, same rules
resource "aws_security_group" "default" {
  count       = var.enabled ? 1 : 0
  name        = "app"
  description = "app servers"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "egress" {
  count             = var.enabled ? 1 : 0
  description       = "all egress"
  type              = "egress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = join("", aws_security_group.default.*.id)
}

# new: SSH from the internet on the same group
resource "aws_security_group_rule" "ssh" {
  count             = var.enabled ? 1 : 0
  description       = "ssh"
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = join("", aws_security_group.default.*.id)
}
