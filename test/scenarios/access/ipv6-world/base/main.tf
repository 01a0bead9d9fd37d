resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  ingress {
    description = "d"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
