# awscc hands the block to EC2, which canonicalises it: 10.1.2.3/0 is 0.0.0.0/0, not an
# invalid rule (the aws provider would refuse it)
resource "awscc_ec2_security_group_ingress" "ssh" {
  group_id    = aws_security_group.app.id
  ip_protocol = "tcp"
  from_port   = 22
  to_port     = 22
  cidr_ip     = "10.1.2.3/0"
  description = "ssh"
}
