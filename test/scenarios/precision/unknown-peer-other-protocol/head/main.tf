# Both rules move to udp. The collectors' group gains the default "" (callers may leave it
# out) and DNS now comes from the VPC's range, unknown here: neither unknown peer may still
# allow the tcp the base allowed, so both tcp rules are closed.
variable "collector_security_group" {
  type        = string
  description = "Security group of the log collectors"
  default     = ""
}

data "aws_vpc" "main" {
  tags = { Name = "main" }
}

resource "aws_security_group" "relay" {
  name        = "relay"
  description = "log and DNS relay"
  vpc_id      = data.aws_vpc.main.id
}

resource "aws_security_group_rule" "syslog" {
  description              = "syslog from the collectors"
  type                     = "ingress"
  from_port                = 514
  to_port                  = 514
  protocol                 = "udp"
  source_security_group_id = var.collector_security_group
  security_group_id        = aws_security_group.relay.id
}

resource "aws_security_group_rule" "dns" {
  description       = "DNS from the VPC"
  type              = "ingress"
  from_port         = 53
  to_port           = 53
  protocol          = "udp"
  cidr_blocks       = [data.aws_vpc.main.cidr_block]
  security_group_id = aws_security_group.relay.id
}
