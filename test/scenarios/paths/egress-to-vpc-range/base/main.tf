resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
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

  # egress limited to the VPC: it still reaches every group inside it
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
