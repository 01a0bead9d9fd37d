variable "lb_security_group_id" {
  type        = string
  description = "the load balancer's group, set by the caller"
}

variable "cache_sg" {
  type = string
}

data "aws_security_group" "db" {
  name = "db"
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "application servers"
}

# another variable: a different unknown group, reported
resource "aws_security_group_rule" "from_lb" {
  type                     = "ingress"
  description              = "http from the load balancer"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = var.lb_security_group_id
  security_group_id        = aws_security_group.app.id
}

# the same unknown in 0.12 syntax: nothing
resource "aws_security_group_rule" "to_cache" {
  type                     = "egress"
  description              = "redis to the cache"
  from_port                = 6379
  to_port                  = 6379
  protocol                 = "tcp"
  source_security_group_id = var.cache_sg
  security_group_id        = aws_security_group.app.id
}

# a new rule to a group read at plan time, reported
resource "aws_security_group_rule" "to_db" {
  type                     = "egress"
  description              = "postgres to the database"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = data.aws_security_group.db.id
  security_group_id        = aws_security_group.app.id
}
