resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  vpc_id      = "vpc-0123456789abcdef0"
}
resource "aws_instance" "web" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]
}
variable "partner_cidr" {
  type = string
}
# entries as resources of their own: the list is 0.0.0.0/0 on RDP
resource "aws_ec2_managed_prefix_list" "admins" {
  name           = "admins"
  address_family = "IPv4"
  max_entries    = 2
}
resource "aws_ec2_managed_prefix_list_entry" "office" {
  prefix_list_id = aws_ec2_managed_prefix_list.admins.id
  cidr           = "198.51.100.0/24"
}
resource "aws_ec2_managed_prefix_list_entry" "anyone" {
  prefix_list_id = aws_ec2_managed_prefix_list.admins.id
  cidr           = "0.0.0.0/0"
}
resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  prefix_list_ids   = [aws_ec2_managed_prefix_list.admins.id]
  description       = "admins"
}
# an entry not known before plan (a variable with no value): the list stays opaque
resource "aws_ec2_managed_prefix_list" "partner" {
  name           = "partner"
  address_family = "IPv4"
  max_entries    = 1
  dynamic "entry" {
    for_each = [var.partner_cidr]
    content {
      cidr = entry.value
    }
  }
}
resource "aws_security_group_rule" "partner_ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  prefix_list_ids   = [aws_ec2_managed_prefix_list.partner.id]
  description       = "partner"
}
# a list not written here (an id) stays opaque: its entries are not in this configuration
resource "aws_security_group_rule" "s3" {
  type              = "egress"
  security_group_id = aws_security_group.web.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_ids   = ["pl-6da54004"]
  description       = "s3"
}
