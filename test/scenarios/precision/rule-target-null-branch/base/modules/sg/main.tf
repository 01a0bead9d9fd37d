variable "enabled" {
  type = bool
}

variable "target_security_group_id" {
  type    = list(string)
  default = []
}

variable "other_security_group_id" {
  type    = string
  default = null
}

locals {
  create = var.enabled && length(var.target_security_group_id) == 0
  security_group_id = var.enabled ? (
    local.create ? aws_security_group.default[0].id : coalesce(var.target_security_group_id[0], "target_security_group_id is empty")
  ) : null
}

resource "aws_security_group" "default" {
  count       = local.create ? 1 : 0
  name_prefix = "workers-"
  description = "workers"
}

resource "aws_security_group_rule" "self" {
  type              = "ingress"
  description       = "workers talk to each other"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  self              = true
  security_group_id = local.security_group_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group_rule" "metrics" {
  type              = "ingress"
  description       = "metrics from the monitoring subnets"
  from_port         = 9100
  to_port           = 9100
  protocol          = "tcp"
  cidr_blocks       = ["10.20.0.0/24", "10.21.0.0/24"]
  security_group_id = local.security_group_id

  lifecycle {
    create_before_destroy = true
  }
}
