variable "db_cidr" {}

module "sg" {
  source       = "./modules/sg"
  name         = "web"
  ingress_cidr = "0.0.0.0/0"
}

module "db" {
  source       = "./modules/sg"
  name         = "db"
  ingress_cidr = var.db_cidr
}
