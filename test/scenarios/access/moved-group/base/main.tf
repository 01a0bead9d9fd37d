resource "aws_security_group" "old" {
  name        = "old"
  description = "old"
  ingress {
    description = "d"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
