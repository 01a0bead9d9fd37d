resource "aws_security_group" "app" {
  name        = "app"
  description = "app servers"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "aws_instance" "app" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.small"
  vpc_security_group_ids      = [aws_security_group.app.id]
  associate_public_ip_address = true
}
