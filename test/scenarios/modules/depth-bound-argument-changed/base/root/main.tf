module "m1" {
  source = "../m1"
  cidrs  = ["198.51.100.0/24"]
}
