resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
}

resource "aws_security_group_rule" "offices" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  description       = "offices"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["198.51.100.0/24", "203.0.113.0/24", "192.0.2.0/24"]

  lifecycle {
    create_before_destroy = true
  }
}
