resource "aws_security_group" "worker" {
  name        = "worker"
  description = "batch workers"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "awscc_ec2_security_group_egress" "https" {
  group_id    = aws_security_group.worker.id
  ip_protocol = "tcp"
  from_port   = 443
  to_port     = 443
  cidr_ip     = "0.0.0.0/0"
  description = "package mirrors"
}
