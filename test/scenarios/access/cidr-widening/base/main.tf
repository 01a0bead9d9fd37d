resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  ingress {
    description = "d"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.1.0.0/16"]
  }
}
