resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  vpc_id      = "vpc-0123456789abcdef0"
}
resource "aws_instance" "web" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]
}
resource "aws_security_group_rule" "q0" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/2"]
  security_group_id = aws_security_group.web.id
  description       = "q"
}
resource "aws_security_group_rule" "q64" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["64.0.0.0/2"]
  security_group_id = aws_security_group.web.id
  description       = "q"
}
resource "aws_security_group_rule" "q128" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["128.0.0.0/2"]
  security_group_id = aws_security_group.web.id
  description       = "q"
}
resource "aws_security_group_rule" "q192" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["192.0.0.0/2"]
  security_group_id = aws_security_group.web.id
  description       = "q"
}
