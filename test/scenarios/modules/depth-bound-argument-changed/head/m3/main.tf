variable "cidrs" {
  type = list(string)
}

module "next" {
  source = "../m4"
  cidrs  = var.cidrs
}
