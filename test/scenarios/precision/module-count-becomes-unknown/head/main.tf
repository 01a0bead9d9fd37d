# set by whoever runs Terraform: the number of instances is not known here
variable "instances" {
  type = number
}
module "web" {
  source = "./modules/web"
  count  = var.instances
  vpc_id = "vpc-1"
}
