resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
}
resource "aws_security_group_rule" "a" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  description       = "a"
  from_port         = 80
  to_port           = 80
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
}
