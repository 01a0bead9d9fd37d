module "m1" {
  source = "../m1"
  cidrs  = ["0.0.0.0/0"]
}
