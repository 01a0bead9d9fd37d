resource "aws_security_group" "worker" {
  name        = "worker"
  description = "batch workers"
  vpc_id      = "vpc-0a1b2c3d"
}

# widened from 443 to every protocol and port
resource "awscc_ec2_security_group_egress" "https" {
  group_id    = aws_security_group.worker.id
  ip_protocol = "-1"
  cidr_ip     = "0.0.0.0/0"
  description = "package mirrors"
}

resource "awscc_ec2_security_group_egress" "dns" {
  group_id                   = aws_security_group.worker.id
  ip_protocol                = "udp"
  from_port                  = 53
  to_port                    = 53
  destination_prefix_list_id = "pl-0123456789abcdef0"
}
