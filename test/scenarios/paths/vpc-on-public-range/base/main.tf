# a VPC on public addresses the account brings (BYOIP): its members have these addresses
resource "aws_vpc" "main" {
  cidr_block = "52.0.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "52.0.1.0/24"
}

resource "aws_security_group" "lb" {
  name        = "lb"
  description = "public load balancer"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "https from anywhere"
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
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}

resource "aws_lb" "public" {
  name            = "public"
  internal        = false
  subnets         = [aws_subnet.app.id]
  security_groups = [aws_security_group.lb.id]
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "database"
  vpc_id      = aws_vpc.main.id
}

resource "aws_db_instance" "main" {
  identifier             = "main"
  engine                 = "postgres"
  vpc_security_group_ids = [aws_security_group.db.id]
}
