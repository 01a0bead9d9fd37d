# The same rules behind a flag and the list's length: a value set outside the repository
# switches either form on, so neither is new.
variable "vpc_id" {
  type = string
}

variable "allowed_security_groups" {
  type    = list(string)
  default = []
}

variable "create_rules" {
  type    = bool
  default = true
}

resource "aws_security_group" "this" {
  name_prefix = "db-"
  vpc_id      = var.vpc_id
}

resource "aws_security_group_rule" "default_ingress" {
  count                    = var.create_rules ? length(var.allowed_security_groups) : 0
  description              = "Database from the allowed groups"
  type                     = "ingress"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = element(var.allowed_security_groups, count.index)
  security_group_id        = aws_security_group.this.id
}
