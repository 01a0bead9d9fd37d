# The rule is narrowed to one port and loses one of its two ranges: the same rule, edited.
resource "aws_security_group" "app" {
  name = "app"

  ingress {
    from_port   = 3000
    to_port     = 3000
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
