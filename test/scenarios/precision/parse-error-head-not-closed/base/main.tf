resource "aws_security_group" "app" {
  name = "app"

  ingress {
    description = "SSH from the office network"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
