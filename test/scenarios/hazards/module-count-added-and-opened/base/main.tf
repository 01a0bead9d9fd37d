module "web" {
  source = "./modules/web"
  vpc_id = "vpc-1"
}
