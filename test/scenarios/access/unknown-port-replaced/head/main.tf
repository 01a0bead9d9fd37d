# The rule's port changes from one value set per environment to another: the new one may be
# any port (22 as well), so what the rule opens is new, and its unknown is reported.
variable "web_port" {
  type = number
}

variable "admin_port" {
  type = number
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
}

resource "aws_security_group_rule" "web_public" {
  description       = "Public port from anywhere"
  type              = "ingress"
  from_port         = var.admin_port
  to_port           = var.admin_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.web.id
}
