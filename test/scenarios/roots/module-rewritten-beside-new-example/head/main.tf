variable "https_enabled" {
  type    = bool
  default = false
}

variable "https_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

resource "aws_security_group" "lb" {
  name   = "lb"
  vpc_id = "vpc-1"
}

resource "aws_security_group_rule" "https" {
  count             = var.https_enabled ? 1 : 0
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = var.https_cidrs
  description       = "HTTPS from the clients"
  security_group_id = aws_security_group.lb.id
}
