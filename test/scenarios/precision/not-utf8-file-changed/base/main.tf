resource "aws_security_group" "admin" {
  name        = "admin"
  description = "accès admin (Latin-1)"
  vpc_id      = "vpc-1"
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
