variable "admin_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"

  ingress {
    description = "public https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "web_ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [var.admin_cidr]
  description       = "admin ssh"
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-1"
}

resource "aws_security_group_rule" "bastion_ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  description       = "ssh from the office"
}
