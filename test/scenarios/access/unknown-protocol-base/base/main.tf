# The protocol is set per environment (tcp or udp for the same port). The base rule opens 443
# on that protocol, not every protocol and port: SSH added beside it is new.
variable "listener_protocol" {
  type = string
}

resource "aws_security_group" "edge" {
  name        = "edge"
  description = "edge proxies"
}

resource "aws_security_group_rule" "edge_public" {
  description       = "Listener from anywhere"
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = var.listener_protocol
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.edge.id
}
