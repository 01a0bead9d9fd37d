resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
}

resource "aws_instance" "a" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.web.id]
}
