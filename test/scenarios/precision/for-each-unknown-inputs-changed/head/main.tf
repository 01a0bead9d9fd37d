# Which set of ranges applies is decided where the root is applied (var.environment has no
# default); the for_each is one of the sets, each reviewed: the PR widens production's to
# 0.0.0.0/0, an instance SSH from the internet (the count form: count-unknown-inputs-changed).
variable "environment" {
  type = string
}

locals {
  admin_ranges = {
    production = ["192.168.10.0/24", "0.0.0.0/0"]
    staging    = ["192.168.20.0/24"]
  }
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c"
}

resource "aws_vpc_security_group_ingress_rule" "admin_ssh" {
  for_each          = toset(local.admin_ranges[var.environment])
  security_group_id = aws_security_group.bastion.id
  description       = "admin SSH"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = each.value
}
