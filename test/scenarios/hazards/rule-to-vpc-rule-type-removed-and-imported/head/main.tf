resource "aws_security_group" "app" {
  name = "app"
}
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.app.id
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  cidr_ipv4         = "10.0.0.0/16"
  description       = "https from the vpc"
}
removed {
  from = aws_security_group_rule.https
  lifecycle {
    destroy = false
  }
}
import {
  to = aws_vpc_security_group_ingress_rule.https
  id = "sgr-0123456789abcdef0"
}
