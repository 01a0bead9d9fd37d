module "web" {
  source        = "./modules/sg"
  name          = "web"
  ingress_rules = ["https"]
  ingress_cidrs = ["10.0.0.0/16"]
}

# New in this PR: the module's rules are unchanged, this call is what opens SSH.
module "admin" {
  source        = "./modules/sg"
  name          = "admin"
  ingress_rules = ["ssh"]
  ingress_cidrs = ["0.0.0.0/0"]
}
