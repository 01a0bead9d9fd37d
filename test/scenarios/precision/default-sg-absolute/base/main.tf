resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "legacy" {
  name        = "legacy"
  description = "Legacy app"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    description = "HTTP from the office"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.0/24"]
  }
}
