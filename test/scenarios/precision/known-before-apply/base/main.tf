resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "app" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "database"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "postgres from the VPC"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }

  ingress {
    description = "redis from the app subnets"
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = aws_subnet.app[*].cidr_block
  }
}

resource "aws_security_group" "cache" {
  name        = "cache"
  description = "cache"
  vpc_id      = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "cache_from_app_0" {
  description       = "memcached from the first app subnet"
  security_group_id = aws_security_group.cache.id
  ip_protocol       = "tcp"
  from_port         = 11211
  to_port           = 11211
  cidr_ipv4         = aws_subnet.app[0].cidr_block
}
