# The id the import block gives the edge group is the edge group itself: letting it into the database
# skips the service tier.
resource "aws_security_group" "edge" {
  name   = "edge"
  vpc_id = "vpc-0a1b2c"
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    description = "to the VPC"
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group" "service" {
  name   = "service"
  vpc_id = "vpc-0a1b2c"
  ingress {
    description     = "from the edge"
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [aws_security_group.edge.id]
  }
}

variable "edge_group_id" {
  default = "sg-0a1b2c3d4e5f60718"
}

import {
  to = aws_security_group.edge
  id = var.edge_group_id
}

resource "aws_security_group" "database" {
  name   = "database"
  vpc_id = "vpc-0a1b2c"
  ingress {
    description     = "postgres"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.service.id, "sg-0a1b2c3d4e5f60718"]
  }
}

resource "aws_lb" "public" {
  name            = "public"
  security_groups = [aws_security_group.edge.id]
  subnets         = ["subnet-0a", "subnet-0b"]
}

resource "aws_db_instance" "orders" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.database.id]
}
