variable "create_before_destroy" {
  type    = bool
  default = true
}

variable "enabled" {
  type = bool
}

# Terraform cannot toggle create_before_destroy by input: one resource per setting
resource "aws_security_group" "default" {
  count       = var.enabled && var.create_before_destroy == false ? 1 : 0
  name        = "app"
  description = "application"
}

resource "aws_security_group" "cbd" {
  count       = var.enabled && var.create_before_destroy == true ? 1 : 0
  name_prefix = "app-"
  description = "application"
  lifecycle {
    create_before_destroy = true
  }
}

locals {
  group_id = var.create_before_destroy ? one(aws_security_group.cbd[*].id) : one(aws_security_group.default[*].id)
}

resource "aws_security_group_rule" "https" {
  count             = var.enabled ? 1 : 0
  type              = "ingress"
  description       = "https from the VPC"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
  security_group_id = local.group_id
}

output "id" {
  value = local.group_id
}
