# A map built by a for expression over the admin CIDRs and the peer VPC's range (read by a data
# source at plan time): the keys of the admin CIDRs are known, so each is an instance of its own.
variable "admin_cidrs" {
  type    = list(string)
  default = ["192.168.10.0/24", "0.0.0.0/0"]
}

data "aws_vpc" "shared" {
  tags = { Name = "shared" }
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c"
}

resource "aws_vpc_security_group_ingress_rule" "admin_ssh" {
  for_each          = { for cidr in concat(var.admin_cidrs, [data.aws_vpc.shared.cidr_block]) : cidr => cidr }
  security_group_id = aws_security_group.bastion.id
  description       = "admin SSH"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = each.value
}
