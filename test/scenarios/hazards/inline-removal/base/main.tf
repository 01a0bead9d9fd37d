resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  ingress {
    description = "d"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
