variable "db_cidr" {}

module "sg" {
  source       = "./modules/sg"
  name         = "web"
  ingress_cidr = "10.0.0.0/8"
}

module "db" {
  source       = "./modules/sg"
  name         = "db"
  ingress_cidr = var.db_cidr
}
