module "db" {
  source = "./modules/db"
  cidrs  = ["10.0.0.0/16"]
}
