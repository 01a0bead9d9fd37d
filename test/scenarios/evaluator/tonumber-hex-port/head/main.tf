# tonumber() reads decimals only: "0x1bb" is Terraform's error, and try() takes every port
variable "port" {
  default = "0x1bb"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
}

resource "aws_instance" "web" {
  ami                         = "ami-1"
  instance_type               = "t3.micro"
  vpc_security_group_ids      = [aws_security_group.web.id]
  associate_public_ip_address = true
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = try(tonumber(var.port), 0)
  to_port           = try(tonumber(var.port), 65535)
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  description       = "https"
}
