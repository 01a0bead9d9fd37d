variable "cidrs" {
  type = list(string)
}

module "next" {
  source = "../m8"
  cidrs  = var.cidrs
}
