# A live root: the environment is chosen by whoever runs it (-var / a tfvars file kept
# outside the repository); the default is only the default.
variable "env" {
  default = "staging"
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"
}
