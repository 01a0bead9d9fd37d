resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"

  ingress {
    description = "SSH from anywhere, already open at the base"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
