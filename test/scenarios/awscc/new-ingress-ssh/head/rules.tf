# the Cloud Control provider (hashicorp/awscc) adds a rule to a group of the aws provider
resource "awscc_ec2_security_group_ingress" "ssh" {
  group_id    = aws_security_group.app.id
  ip_protocol = "tcp"
  from_port   = 22
  to_port     = 22
  cidr_ip     = "0.0.0.0/0"
  description = "admin access"
}

resource "awscc_ec2_security_group_ingress" "ssh_v6" {
  group_id    = aws_security_group.app.id
  ip_protocol = "tcp"
  from_port   = 22
  to_port     = 22
  cidr_ipv_6  = "::/0"
  description = "admin access"
}
