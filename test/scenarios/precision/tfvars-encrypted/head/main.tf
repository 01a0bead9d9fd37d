variable "admin_cidr" {
  default = "10.0.0.0/8"
}
resource "aws_security_group" "a" {
  name = "a"
}
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.a.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [var.admin_cidr]
  description       = "ssh"
}
