module "web" {
  source        = "./modules/sg"
  name          = "web"
  ingress_rules = ["https"]
  ingress_cidrs = ["10.0.0.0/16"]
}
