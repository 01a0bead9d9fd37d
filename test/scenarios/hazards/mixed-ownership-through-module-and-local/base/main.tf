module "lb" {
  source = "./modules/lb"
}

locals {
  lb_sg = module.lb.security_group_id
}
