terraform {
  backend "s3" {}
}

locals {
  admin_cidrs = jsondecode(file("${path.module}/admin-cidrs.json"))
}

resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-1"

  ingress {
    description = "SSH from the admin networks"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = local.admin_cidrs
  }
}

resource "aws_instance" "bastion" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.admin.id]
}
