# A module's group-id input that callers must pass; the rule reads it as its source.
variable "enabled" {
  type    = bool
  default = true
}

variable "alb_security_group" {
  type        = string
  description = "Security group of the load balancer"
}

variable "container_port" {
  type    = number
  default = 8080
}

resource "aws_security_group" "service" {
  count       = var.enabled ? 1 : 0
  name        = "service"
  description = "service tasks"
}

resource "aws_security_group_rule" "alb" {
  count                    = var.enabled ? 1 : 0
  description              = "app port from the load balancer"
  type                     = "ingress"
  from_port                = var.container_port
  to_port                  = var.container_port
  protocol                 = "tcp"
  source_security_group_id = var.alb_security_group
  security_group_id        = join("", aws_security_group.service.*.id)
}
