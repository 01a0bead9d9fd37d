resource "aws_security_group" "app" {
  name = "app"
}
resource "aws_security_group_rule" "app_ingress_vpc_https" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
  description       = "https from the vpc"
}
resource "aws_security_group_rule" "app_ingress_vpc_http" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 80
  to_port           = 80
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
  description       = "http from the vpc"
}
resource "aws_security_group_rule" "app_egress_vpc_any" {
  type              = "egress"
  security_group_id = aws_security_group.app.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["10.0.0.0/16"]
  description       = "anything to the vpc"
}
