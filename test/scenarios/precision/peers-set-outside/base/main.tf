# A module-style root: the partner CIDRs are passed in by whoever runs it (-var / TF_VAR_),
# and no tfvars file in the repository sets them.
variable "partner_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "api" {
  name        = "api"
  description = "Partner API"
}
