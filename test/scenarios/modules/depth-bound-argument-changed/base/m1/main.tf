variable "cidrs" {
  type = list(string)
}

module "next" {
  source = "../m2"
  cidrs  = var.cidrs
}
