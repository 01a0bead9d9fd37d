# Terraform computes 0.1 * 3 as 0.3 (not a double's 0.30000000000000004)
variable "weight" {
  default = 0.2
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
}

resource "aws_instance" "app" {
  ami                         = "ami-1"
  instance_type               = "t3.micro"
  vpc_security_group_ids      = [aws_security_group.app.id]
  associate_public_ip_address = true
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [tostring(var.weight * 3) == "0.3" ? "0.0.0.0/0" : "10.0.0.0/16"]
  description       = "ssh"
}
