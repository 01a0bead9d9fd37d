variable "cidrs" {
  type = list(string)
}

module "next" {
  source = "../m6"
  cidrs  = var.cidrs
}
