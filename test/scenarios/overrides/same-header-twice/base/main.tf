resource "aws_security_group" "admin" {
  name        = "admin"
  description = "admin hosts"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  description       = "ssh from the office"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.20.0.0/16"]
}
