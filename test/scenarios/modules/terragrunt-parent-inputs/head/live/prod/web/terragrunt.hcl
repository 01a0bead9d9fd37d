include "root" {
  path = find_in_parent_folders("root.hcl")
}

locals {
  # the unit's own locals do not reach the parent's inputs
  rules = []
}

terraform {
  source = "${get_parent_terragrunt_dir()}/../modules//sg"
}

inputs = {
  name = "web-${path_relative_to_include()}"
}
