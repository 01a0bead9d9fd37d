locals {
  common = read_terragrunt_config("../common.hcl")
}

terraform {
  source = "../../../modules//sg"
}

inputs = {
  name                = "prod-app"
  ingress_rules       = ["ssh-tcp"]
  ingress_cidr_blocks = local.common.locals.admin_cidrs
}
