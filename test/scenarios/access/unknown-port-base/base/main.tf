# The web port is set per environment (tfvars outside the repository). The base rule opens that
# one port to the internet, not every port: SSH added beside it is new.
variable "web_port" {
  type = number
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
}

resource "aws_security_group_rule" "web_public" {
  description       = "Web port from anywhere"
  type              = "ingress"
  from_port         = var.web_port
  to_port           = var.web_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.web.id
}
