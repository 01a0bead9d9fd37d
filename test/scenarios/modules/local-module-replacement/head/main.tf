module "app" {
  source = "./modules/sg"
  name   = "app-servers"
}
