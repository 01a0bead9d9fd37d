# Terraform 0.11 read a block with quoted names as a map: `tags { "Name" = "web" }`.
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"

  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }

  tags {
    "Name" = "web"
  }
}
