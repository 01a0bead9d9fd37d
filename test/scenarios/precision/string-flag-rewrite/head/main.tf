# The same flag after the 0.12 upgrade: a bool. Nothing opens, closes or is replaced.
variable "https_enabled" {
  type    = bool
  default = false
}

resource "aws_security_group" "lb" {
  name        = "lb"
  description = "Load balancer"
}

resource "aws_security_group_rule" "ssh" {
  count             = var.https_enabled ? 1 : 0
  description       = "Operators"
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.lb.id
}
