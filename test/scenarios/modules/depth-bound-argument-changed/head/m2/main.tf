variable "cidrs" {
  type = list(string)
}

module "next" {
  source = "../m3"
  cidrs  = var.cidrs
}
