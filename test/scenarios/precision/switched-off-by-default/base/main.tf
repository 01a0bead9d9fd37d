# A module-style root: feature flags default to off and are set by whoever runs it
# (-var / TF_VAR_ in CI), not by a tfvars file in the repository.
variable "vpc_id" {
  type = string
}

variable "enable_bastion" {
  type    = bool
  default = false
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion hosts"
  vpc_id      = var.vpc_id
}
