resource "aws_security_group" "web" {
  name =
    "web"
  description = "web"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
