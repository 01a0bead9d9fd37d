resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"

  ingress {
    description = "lb"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.1.0.0/16"]
  }
}
