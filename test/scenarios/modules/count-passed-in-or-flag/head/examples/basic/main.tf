module "db" {
  source = "../../"
  vpc_id = "vpc-0123456789abcdef0"
}
