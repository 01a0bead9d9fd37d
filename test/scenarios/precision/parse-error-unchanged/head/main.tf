resource "aws_security_group" "app" {
  name        = "app"
  description = "App"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
