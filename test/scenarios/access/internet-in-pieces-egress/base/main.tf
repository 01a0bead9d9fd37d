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
