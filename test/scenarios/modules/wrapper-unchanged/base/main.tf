# The same wrapper at the base: what its callers decide was already theirs, no finding.
module "wrapper" {
  source = "./modules/sg"

  for_each = var.items

  name          = try(each.value.name, var.defaults.name, "wrapped")
  vpc_id        = try(each.value.vpc_id, var.defaults.vpc_id)
  ingress_rules = try(each.value.ingress_rules, var.defaults.ingress_rules, [])
  egress_rules  = try(each.value.egress_rules, var.defaults.egress_rules, [])
  source_groups = try(each.value.source_groups, var.defaults.source_groups, {})
}
