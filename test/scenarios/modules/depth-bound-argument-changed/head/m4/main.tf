variable "cidrs" {
  type = list(string)
}

module "next" {
  source = "../m5"
  cidrs  = var.cidrs
}
