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
resource "aws_security_group_rule" "ssh6" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["2000::/3"]
  security_group_id = aws_security_group.web.id
  description       = "SSH from global unicast"
}
