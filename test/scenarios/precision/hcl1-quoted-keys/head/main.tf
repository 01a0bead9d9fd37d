# Terraform 0.11 read a block with quoted names as a map: `tags { "Name" = "web" }`.
# The same form on an ingress block is read the same way, so what it opens is still seen.
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

  ingress {
    "description" = "admin"
    "from_port"   = 22
    "to_port"     = 22
    "protocol"    = "tcp"
    "cidr_blocks" = ["0.0.0.0/0"]
  }

  tags {
    "Name"        = "web"
    "kubernetes.io/cluster/main" = "owned"
  }
}
