include {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../../../modules//sg"
}

inputs = {
  name                = "api"
  ingress_cidr_blocks = ["10.1.0.0/16"]
}
