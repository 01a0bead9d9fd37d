# vpc_id loses its placeholder default: callers must pass it, and nothing they pass changed.
# The cache group's literal empty vpc_id becomes a known VPC: that replaces it.
variable "vpc_id" {
  type        = string
  description = "The VPC of the group (set by the caller)"
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "cache" {
  name        = "cache"
  description = "Cache"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_db_instance" "db" {
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id, aws_security_group.cache.id]
}
