# Syslog from a group callers must pass and DNS from a fixed range, both over tcp.
variable "collector_security_group" {
  type        = string
  description = "Security group of the log collectors"
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
  protocol                 = "tcp"
  source_security_group_id = var.collector_security_group
  security_group_id        = aws_security_group.relay.id
}

resource "aws_security_group_rule" "dns" {
  description       = "DNS from the VPC"
  type              = "ingress"
  from_port         = 53
  to_port           = 53
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.relay.id
}
