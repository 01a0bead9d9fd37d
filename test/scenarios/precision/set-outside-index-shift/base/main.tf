# One rule per port, all from addresses set outside the repository. The PR inserts a port
# in the middle of the list: the later rules move to other indexes but are the same rules.
variable "peer_cidrs" {
  type    = list(string)
  default = []
}

locals {
  ports = [8300, 8301, 8302]
}

resource "aws_security_group" "consul" {
  name        = "consul"
  description = "Consul servers"
}

resource "aws_security_group_rule" "consul" {
  count             = length(local.ports)
  type              = "ingress"
  description       = "Consul"
  from_port         = local.ports[count.index]
  to_port           = local.ports[count.index]
  protocol          = "tcp"
  cidr_blocks       = var.peer_cidrs
  security_group_id = aws_security_group.consul.id
}
