# The input gains the default "" (its off state: callers who use no load balancer leave it
# out) and the rule a flag of its own. The source is still the group callers pass: nothing
# opens, nothing closes.
variable "enabled" {
  type    = bool
  default = true
}

variable "alb_security_group" {
  type        = string
  description = "Security group of the load balancer"
  default     = ""
}

variable "use_alb_security_group" {
  type    = bool
  default = false
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
  count                    = var.enabled && var.use_alb_security_group ? 1 : 0
  description              = "app port from the load balancer"
  type                     = "ingress"
  from_port                = var.container_port
  to_port                  = var.container_port
  protocol                 = "tcp"
  source_security_group_id = var.alb_security_group
  security_group_id        = join("", aws_security_group.service.*.id)
}
