# One module instance per admin range, the peer VPC's range among them (known at plan time,
# not here): the known ranges are instances of their own, so a new one is seen.
variable "admin_ranges" {
  type    = set(string)
  default = ["192.168.10.0/24", "0.0.0.0/0"]
}

data "aws_vpc" "shared" {
  tags = { Name = "shared" }
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c"
}

module "admin" {
  source   = "./modules/admin-access"
  for_each = setunion(var.admin_ranges, [data.aws_vpc.shared.cidr_block])
  group_id = aws_security_group.bastion.id
  range    = each.key
}
