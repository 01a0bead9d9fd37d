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
