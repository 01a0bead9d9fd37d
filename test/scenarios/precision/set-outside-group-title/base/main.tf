# A rule whose sources are set outside the repository, on a group known only as a conditional:
# its title names the group shortened like every other title, never the whole expression.
variable "create_security_group" {
  type = bool
}

variable "existing_security_group_id" {
  type    = string
  default = null
}

variable "admin_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "this" {
  count       = var.create_security_group ? 1 : 0
  name        = "admin"
  description = "admin"
}
