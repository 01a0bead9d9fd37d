# A module repository's wrapper: one instance of the module per item a caller passes. Empty
# by default, so as written it creates nothing; whoever sets var.items decides what it opens.
module "wrapper" {
  source = "./modules/sg"

  for_each = var.items

  name          = try(each.value.name, var.defaults.name, "wrapped")
  vpc_id        = try(each.value.vpc_id, var.defaults.vpc_id)
  ingress_rules = try(each.value.ingress_rules, var.defaults.ingress_rules, [])
  egress_rules  = try(each.value.egress_rules, var.defaults.egress_rules, [])
  source_groups = try(each.value.source_groups, var.defaults.source_groups, {})
}
