resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"
  vpc_id      = "vpc-123"
}

resource "aws_instance" "app" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.app.id]
}
