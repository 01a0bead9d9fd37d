resource "aws_security_group" "node" {
  name        = "node"
  description = "node"
  egress {
    description = "d"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
