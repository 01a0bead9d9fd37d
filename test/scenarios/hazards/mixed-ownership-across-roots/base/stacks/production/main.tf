# Two environments, one per root, calling the same modules: one finding for the module code,
# naming the other environment, not one per environment.
module "net" {
  source = "../../modules/net"
}

module "app" {
  source             = "../../modules/app"
  endpoints_group_id = module.net.endpoints_group_id
}
