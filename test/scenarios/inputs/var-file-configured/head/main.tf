terraform {
  backend "s3" {}
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["198.51.100.0/24"]
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"

  ingress {
    description = "admin SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}

resource "aws_instance" "bastion" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.web.id]
}
