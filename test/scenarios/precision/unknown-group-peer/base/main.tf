variable "lb_sg" {
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

resource "aws_security_group_rule" "from_lb" {
  type                     = "ingress"
  description              = "http from the load balancer"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = var.lb_sg
  security_group_id        = aws_security_group.app.id
}

resource "aws_security_group_rule" "to_cache" {
  type                     = "egress"
  description              = "redis to the cache"
  from_port                = 6379
  to_port                  = 6379
  protocol                 = "tcp"
  source_security_group_id = "${var.cache_sg}"
  security_group_id        = aws_security_group.app.id
}
