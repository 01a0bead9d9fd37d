# Terraform 0.11: `["${concat(…)}"]` passed to an untyped variable whose default is a list is
# the list itself (0.11 flattened it). The 0.12 upgrade writes the list: nothing changes, though
# the group is open to the world on MySQL at both revisions.
variable "auto_rules" {
  type    = "list"
  default = ["http"]
}

module "web" {
  source        = "./modules/sg"
  ingress_rules = ["${concat(var.auto_rules, list("mysql"))}"]
}
