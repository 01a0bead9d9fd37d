terragrunt = {
  include {
    path = "${find_in_parent_folders()}"
  }

  dependencies {
    paths = ["../vpc"]
  }

  terraform {
    extra_arguments "common_vars" {
      commands  = ["plan", "apply"]
      arguments = ["-var-file=common.tfvars"]
    }
  }
}

admin_cidrs = ["10.0.0.0/8"]
