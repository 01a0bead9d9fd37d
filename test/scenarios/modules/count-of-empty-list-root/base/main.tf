# A module reviewed on its own: one rule per element of a list passed in, empty by default.
variable "vpc_id" {
  type = string
}

variable "extra_ssh_cidrs" {
  type    = list(string)
  default = []
}

variable "bastion_names" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "this" {
  name_prefix = "app-"
  description = "application servers"
  vpc_id      = var.vpc_id
}
