resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  # sg-review:ignore all everything here is fine
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "old" {
  name        = "old"
  description = "old"
  # sg-review:ignore new-ingress temporary exception until=2020-01-31
  ingress {
    description = "https"
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
