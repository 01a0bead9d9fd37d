# "1" and "0" are bools to Terraform, as "true" and "false" are
variable "restricted" {
  default = "0"
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
}

resource "aws_instance" "app" {
  ami                         = "ami-1"
  instance_type               = "t3.micro"
  vpc_security_group_ids      = [aws_security_group.app.id]
  associate_public_ip_address = "1"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [try(tobool(var.restricted), true) ? "10.0.0.0/16" : "0.0.0.0/0"]
  description       = "ssh"
}
