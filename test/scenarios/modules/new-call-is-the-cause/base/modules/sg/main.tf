# A rules-by-name module: the names map to ports in a default the callers do not set.
variable "name" {
  type = string
}

variable "ingress_rules" {
  type = list(string)
}

variable "ingress_cidrs" {
  type = list(string)
}

variable "rules" {
  type = map(list(number))
  default = {
    https = [443, 443]
    ssh   = [22, 22]
  }
}

resource "aws_security_group" "this" {
  name        = var.name
  description = "Managed by the sg module"
}

resource "aws_security_group_rule" "ingress" {
  count             = length(var.ingress_rules)
  type              = "ingress"
  description       = var.ingress_rules[count.index]
  from_port         = var.rules[var.ingress_rules[count.index]][0]
  to_port           = var.rules[var.ingress_rules[count.index]][1]
  protocol          = "tcp"
  cidr_blocks       = var.ingress_cidrs
  security_group_id = aws_security_group.this.id
}
