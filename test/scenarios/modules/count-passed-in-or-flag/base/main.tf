# A module repository's root: the number of rules is passed in, 0 by default.
variable "vpc_id" {
  type = string
}

variable "allowed_security_groups" {
  type    = list(string)
  default = []
}

variable "allowed_security_groups_count" {
  type    = number
  default = 0
}

resource "aws_security_group" "this" {
  name_prefix = "db-"
  vpc_id      = var.vpc_id
}

resource "aws_security_group_rule" "default_ingress" {
  count                    = var.allowed_security_groups_count
  description              = "Database from the allowed groups"
  type                     = "ingress"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = element(var.allowed_security_groups, count.index)
  security_group_id        = aws_security_group.this.id
}
