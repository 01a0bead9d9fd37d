module "this" {
  source  = "cloudposse/label/null"
  version = "0.25.0"
}

variable "security_groups" {
  type    = list(string)
  default = ["sg-0123456789abcdef0"]
}

variable "cidrs" {
  type    = list(string)
  default = ["10.0.0.0/16"]
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "database"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    description     = "postgres from the app groups"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = var.security_groups
  }

  ingress {
    description = "postgres from the VPC"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}
