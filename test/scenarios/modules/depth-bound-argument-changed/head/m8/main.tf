variable "cidrs" {
  type = list(string)
}

module "next" {
  source = "../m9"
  cidrs  = var.cidrs
}
