resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
}
resource "aws_vpc_security_group_ingress_rule" "b" {
  security_group_id = aws_security_group.app.id
  description       = "b"
  ip_protocol       = "tcp"
  from_port         = 81
  to_port           = 81
  cidr_ipv4         = "10.0.0.0/16"
}
