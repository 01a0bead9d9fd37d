terraform {
  backend "s3" {}
}

module "web" {
  source = "../modules/sg"
  office = "203.0.113.0/24"
}
