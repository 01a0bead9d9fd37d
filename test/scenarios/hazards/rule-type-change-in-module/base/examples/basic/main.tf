module "app" {
  source = "../.."
  vpc_id = "vpc-1"
}
