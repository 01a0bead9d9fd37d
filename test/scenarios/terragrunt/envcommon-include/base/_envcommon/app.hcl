# The app's configuration common to every environment (Gruntwork's _envcommon layout).
terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/modules//sg"
}

inputs = {
  ingress_cidr_blocks = ["10.0.0.0/8"]
}
