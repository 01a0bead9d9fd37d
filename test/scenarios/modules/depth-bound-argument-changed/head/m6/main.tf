variable "cidrs" {
  type = list(string)
}

module "next" {
  source = "../m7"
  cidrs  = var.cidrs
}
