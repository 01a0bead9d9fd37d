resource "aws_security_group" "app" {
  name        = "app"
  description = "Application servers"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_vpc_security_group_ingress_rule" "app_ports" {
  count             = 1000000000
  security_group_id = aws_security_group.app.id
  description       = "Application ports from the VPC"
  ip_protocol       = "tcp"
  from_port         = 8000 + count.index
  to_port           = 8000 + count.index
  cidr_ipv4         = "10.0.0.0/16"
}
