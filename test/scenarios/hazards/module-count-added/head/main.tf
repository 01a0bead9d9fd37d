variable "enabled" {
  default = true
}
module "web" {
  source = "./modules/web"
  count  = var.enabled ? 1 : 0
  vpc_id = "vpc-1"
}
