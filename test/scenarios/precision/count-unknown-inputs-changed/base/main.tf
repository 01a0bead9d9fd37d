# Which set of ranges applies is decided where the root is applied (var.environment has no
# default), so each counted rule's range is not known here; the PR widens one of the sets: the
# rules are reported as depending on it, never passed as "the same unknown".
variable "environment" {
  type = string
}

locals {
  admin_ranges = {
    production = ["192.168.10.0/24"]
    staging    = ["192.168.20.0/24"]
  }
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c"
}

resource "aws_vpc_security_group_ingress_rule" "admin_ssh" {
  count             = length(local.admin_ranges[var.environment])
  security_group_id = aws_security_group.bastion.id
  description       = "admin SSH"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = local.admin_ranges[var.environment][count.index]
}
