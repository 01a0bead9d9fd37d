# A wrapper that hard-codes a wide value (admin_cidrs) and leaves a module default that opens
# to the world (monitoring_cidrs): whatever the callers pass, every instance opens these.
module "wrapper" {
  source = "./modules/sg"

  for_each = var.items

  name          = try(each.value.name, var.defaults.name, "wrapped")
  vpc_id        = try(each.value.vpc_id, var.defaults.vpc_id)
  ingress_rules = try(each.value.ingress_rules, var.defaults.ingress_rules, [])
  egress_rules  = try(each.value.egress_rules, var.defaults.egress_rules, [])
  source_groups = try(each.value.source_groups, var.defaults.source_groups, {})
  admin_cidrs   = ["0.0.0.0/0"]
}
