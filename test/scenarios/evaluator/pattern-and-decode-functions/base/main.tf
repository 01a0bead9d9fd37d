resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
}

resource "aws_instance" "app" {
  ami                         = "ami-1"
  instance_type               = "t3.micro"
  vpc_security_group_ids      = [aws_security_group.app.id]
  associate_public_ip_address = true
}
