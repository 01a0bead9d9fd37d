# The operators' addresses are set per environment (-var / TF_VAR_), none by default, and
# reach the rule through a module argument.
variable "operator_cidrs" {
  type    = list(string)
  default = []
}

module "bastion" {
  source        = "./modules/bastion"
  allowed_cidrs = var.operator_cidrs
}
