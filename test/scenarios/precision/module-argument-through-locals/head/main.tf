# A local rewritten through another local with the same value passes the module the same value
# (`security_group`); when a variable under it changes too, the change is still reported (`db`).
variable "enabled" {
  type    = bool
  default = true
}

variable "security_group_enabled" {
  type    = bool
  default = true
}

variable "db_enabled" {
  type    = bool
  default = true
}

locals {
  enabled                = var.enabled
  security_group_enabled = local.enabled && var.security_group_enabled
  db_enabled             = local.enabled && var.db_enabled
}

module "security_group" {
  source  = "cloudposse/security-group/aws"
  version = "0.3.3"
  enabled = local.security_group_enabled
  vpc_id  = "vpc-1"
}

module "db" {
  source  = "cloudposse/security-group/aws"
  version = "0.3.3"
  enabled = local.db_enabled
  vpc_id  = "vpc-1"
}
