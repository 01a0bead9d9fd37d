# Shared by every unit below: what each may open, and to whom.
locals {
  rules = ["ssh-tcp"]
}

inputs = {
  ingress_rules       = local.rules
  ingress_cidr_blocks = ["0.0.0.0/0"]
}
