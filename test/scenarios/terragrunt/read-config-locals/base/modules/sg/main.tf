# A minimal named-rules security-group module: each rule name is [from, to, protocol, description].
variable "name" {
  type = string
}

variable "ingress_rules" {
  type    = list(string)
  default = []
}

variable "ingress_cidr_blocks" {
  type    = list(string)
  default = []
}

locals {
  rules = {
    ssh-tcp       = [22, 22, "tcp", "SSH"]
    https-443-tcp = [443, 443, "tcp", "HTTPS"]
  }
}

resource "aws_security_group" "this" {
  name = var.name
}

resource "aws_security_group_rule" "ingress" {
  count             = length(var.ingress_rules)
  type              = "ingress"
  security_group_id = aws_security_group.this.id
  from_port         = local.rules[var.ingress_rules[count.index]][0]
  to_port           = local.rules[var.ingress_rules[count.index]][1]
  protocol          = local.rules[var.ingress_rules[count.index]][2]
  description       = local.rules[var.ingress_rules[count.index]][3]
  cidr_blocks       = var.ingress_cidr_blocks
}
