# One instance with three groups, another instance with the fourth
resource "aws_security_group" "a" {
  name        = "a"
  description = "a"
  vpc_id      = "vpc-0123456789abcdef0"
}
resource "aws_security_group" "b" {
  name        = "b"
  description = "b"
  vpc_id      = "vpc-0123456789abcdef0"
}
resource "aws_security_group" "c" {
  name        = "c"
  description = "c"
  vpc_id      = "vpc-0123456789abcdef0"
}
resource "aws_security_group" "d" {
  name        = "d"
  description = "d"
  vpc_id      = "vpc-0123456789abcdef0"
}
resource "aws_instance" "web" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.a.id, aws_security_group.b.id, aws_security_group.c.id]
}
resource "aws_instance" "other" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.d.id]
}
# Each piece is less than half of the internet; a, b and c together are 0.0.0.0/1 on SSH,
# and the instance web has all three. d is on another instance: its piece stays a public range.
resource "aws_security_group_rule" "a_ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/2"]
  security_group_id = aws_security_group.a.id
  description       = "a"
}
resource "aws_security_group_rule" "b_ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["64.0.0.0/3"]
  security_group_id = aws_security_group.b.id
  description       = "b"
}
resource "aws_security_group_rule" "c_ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["96.0.0.0/3"]
  security_group_id = aws_security_group.c.id
  description       = "c"
}
resource "aws_security_group_rule" "d_ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["128.0.0.0/2"]
  security_group_id = aws_security_group.d.id
  description       = "d"
}
