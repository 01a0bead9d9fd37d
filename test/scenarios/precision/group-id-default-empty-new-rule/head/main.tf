# A new rule whose source is a group id callers pass (default "": none): it opens nothing as
# written, but what it opens is the callers' choice, so it is reported like any peer set
# outside, and named as a group.
variable "alb_security_group" {
  type        = string
  description = "Security group of the load balancer, when there is one"
  default     = ""
}

resource "aws_security_group" "service" {
  name        = "service"
  description = "service tasks"
}

resource "aws_security_group" "metrics" {
  name        = "metrics"
  description = "metrics exporters"
}

resource "aws_security_group_rule" "alb" {
  description              = "app port from the load balancer"
  type                     = "ingress"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = var.alb_security_group
  security_group_id        = aws_security_group.service.id
}

resource "aws_vpc_security_group_ingress_rule" "metrics" {
  description                  = "metrics from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = 9100
  to_port                      = 9100
  referenced_security_group_id = var.alb_security_group != "" ? var.alb_security_group : ""
  security_group_id            = aws_security_group.metrics.id
}
