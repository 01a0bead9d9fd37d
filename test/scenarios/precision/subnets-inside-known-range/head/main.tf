# One subnet per availability zone, how many read at plan time: each range is a cidrsubnet of a
# known block, so it lies inside that block whatever the index. A rule from the private
# subnets opens at most 10.20.0.0/16 (low); from the edge subnets, cut from 0.0.0.0/0, it
# could be the internet (medium, never a pass). Inside what the base allowed, it opens nothing.
data "aws_availability_zones" "available" {}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "private" {
  count             = length(data.aws_availability_zones.available.names)
  vpc_id            = aws_vpc.main.id
  availability_zone = data.aws_availability_zones.available.names[count.index]
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}

resource "aws_subnet" "edge" {
  count      = length(data.aws_availability_zones.available.names)
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet("0.0.0.0/0", 2, count.index)
}

# written as a template: its first two octets are written, and a /24 keeps them
resource "aws_subnet" "app" {
  for_each   = toset(data.aws_availability_zones.available.names)
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.20.${index(data.aws_availability_zones.available.names, each.key) + 100}.0/24"
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "cache" {
  name   = "cache"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "db_from_private" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_blocks       = aws_subnet.private[*].cidr_block
  description       = "postgres from the private subnets"
}

resource "aws_security_group_rule" "cache_from_private" {
  type              = "ingress"
  security_group_id = aws_security_group.cache.id
  protocol          = "tcp"
  from_port         = 6379
  to_port           = 6379
  cidr_blocks       = [for s in aws_subnet.private : s.cidr_block]
  description       = "redis from the private subnets"
}

resource "aws_security_group_rule" "db_from_edge" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "tcp"
  from_port         = 5433
  to_port           = 5433
  cidr_blocks       = aws_subnet.edge[*].cidr_block
  description       = "postgres from the edge subnets"
}

resource "aws_security_group_rule" "cache_ssh_from_vpc" {
  type              = "ingress"
  security_group_id = aws_security_group.cache.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = [aws_vpc.main.cidr_block]
  description       = "SSH from the VPC"
}

# inside what the base allowed on 22 already: nothing new
resource "aws_security_group_rule" "cache_ssh_from_private" {
  type              = "ingress"
  security_group_id = aws_security_group.cache.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = aws_subnet.private[*].cidr_block
  description       = "SSH from the private subnets"
}

resource "aws_security_group_rule" "db_from_app" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_blocks       = [for s in aws_subnet.app : s.cidr_block]
  description       = "postgres from the app subnets"
}
