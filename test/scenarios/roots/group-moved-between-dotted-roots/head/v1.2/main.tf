resource "aws_security_group" "app" {
  name = "app"
}

resource "aws_security_group" "admin" {
  name = "admin"
  ingress {
    description = "rdp from the office"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.0/24"]
  }
}
