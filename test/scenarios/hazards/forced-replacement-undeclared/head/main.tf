# var.env is declared nowhere in this directory: the rename still replaces the group.
resource "aws_security_group" "office" {
  name        = "${var.env}-office-access-ssh"
  description = "office"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_instance" "bastion" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.office.id]
}
