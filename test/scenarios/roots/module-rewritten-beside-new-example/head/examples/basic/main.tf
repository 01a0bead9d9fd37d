module "lb" {
  source = "../.."
}
