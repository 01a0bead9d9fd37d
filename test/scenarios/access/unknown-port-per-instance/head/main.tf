# One rule per service, each on the port set for it per environment: the key added in the head
# reads another entry of the map, so its port is not the port of the keys before it.
variable "service_ports" {
  type = map(number)
}

resource "aws_security_group" "api" {
  name        = "api"
  description = "api servers"
}

resource "aws_security_group_rule" "api_public" {
  for_each          = toset(["https", "admin"])
  description       = "Public service ${each.key}"
  type              = "ingress"
  from_port         = var.service_ports[each.key]
  to_port           = var.service_ports[each.key]
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.api.id
}
