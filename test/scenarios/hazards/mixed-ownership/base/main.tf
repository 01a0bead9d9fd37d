resource "aws_security_group" "lb" {
  name        = "lb"
  description = "lb"
  egress {
    description = "d"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
