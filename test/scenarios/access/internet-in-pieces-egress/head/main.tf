# A database with two groups, and a third group of its own on a cache
resource "aws_security_group" "a" {
  name        = "a"
  description = "a"
  vpc_id      = "vpc-0123456789abcdef0"
}
resource "aws_security_group" "b" {
  name        = "b"
  description = "b"
  vpc_id      = "vpc-0123456789abcdef0"
}
resource "aws_security_group" "c" {
  name        = "c"
  description = "c"
  vpc_id      = "vpc-0123456789abcdef0"
}
resource "aws_db_instance" "db" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.a.id, aws_security_group.b.id]
}
resource "aws_elasticache_cluster" "cache" {
  cluster_id         = "cache"
  engine             = "redis"
  security_group_ids = [aws_security_group.c.id]
}
# a and b each reach a quarter of the internet; the database has both: 0.0.0.0/1 on 443.
# c, alone on the cache, reaches a quarter.
resource "aws_vpc_security_group_egress_rule" "a_out" {
  security_group_id = aws_security_group.a.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/2"
  description       = "a"
}
resource "aws_vpc_security_group_egress_rule" "b_out" {
  security_group_id = aws_security_group.b.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "64.0.0.0/2"
  description       = "b"
}
resource "aws_vpc_security_group_egress_rule" "c_out" {
  security_group_id = aws_security_group.c.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "128.0.0.0/2"
  description       = "c"
}
