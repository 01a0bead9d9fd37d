# Terraform 0.11: a flag is a string compared with "true".
variable "https_enabled" {
  default = "false"
}

resource "aws_security_group" "lb" {
  name        = "lb"
  description = "Load balancer"
}

resource "aws_security_group_rule" "ssh" {
  count             = "${var.https_enabled == "true" ? 1 : 0}"
  description       = "Operators"
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "${aws_security_group.lb.id}"
}
