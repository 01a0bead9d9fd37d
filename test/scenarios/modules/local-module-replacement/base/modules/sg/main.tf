variable "name" {
  type = string
}

resource "aws_security_group" "this" {
  name        = var.name
  description = "application servers"
}

resource "aws_instance" "app" {
  ami                    = "ami-0aaaaaaaaaaaaaaaa"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.this.id]
}
