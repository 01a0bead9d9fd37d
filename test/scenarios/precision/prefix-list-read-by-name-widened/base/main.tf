# a data source reading a list by the name of one declared here reads that list: its widened
# entry opens the rule that references the data source
resource "aws_ec2_managed_prefix_list" "office" {
  name           = "office"
  address_family = "IPv4"
  max_entries    = 5
}

resource "aws_ec2_managed_prefix_list_entry" "office" {
  prefix_list_id = aws_ec2_managed_prefix_list.office.id
  cidr           = "203.0.113.0/24"
  description    = "office"
}

data "aws_ec2_managed_prefix_list" "office" {
  name = "office"
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    description     = "ssh from the office"
    from_port       = 22
    to_port         = 22
    protocol        = "tcp"
    prefix_list_ids = [data.aws_ec2_managed_prefix_list.office.id]
  }
}
