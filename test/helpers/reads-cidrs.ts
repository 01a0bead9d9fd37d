// A root whose SSH rule on a group attached to an instance takes its sources from `call` (a
// file() read in the tests of files the configuration reads).
export const readsCidrs = (call: string) => `terraform {
  backend "s3" {}
}
locals {
  admin = ${call}
}
resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-1"
  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = local.admin
  }
}
resource "aws_instance" "bastion" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.admin.id]
}
`;
