# a rule allows the entries of the awscc prefix list it references: widening an entry opens it
resource "awscc_ec2_prefix_list" "office" {
  prefix_list_name = "office"
  address_family   = "IPv4"
  max_entries      = 5
  entries = [{
    cidr        = "203.0.113.0/24"
    description = "office"
  }]
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    description     = "ssh from the office"
    from_port       = 22
    to_port         = 22
    protocol        = "tcp"
    prefix_list_ids = [awscc_ec2_prefix_list.office.prefix_list_id]
  }
}
