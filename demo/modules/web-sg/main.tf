# The demo's own registry module (served by the registry double, read through the GitHub
# double): a security group whose ingress is chosen by rule name, like the popular modules.
variable "name" {
  type = string
}

variable "vpc_id" {
  type    = string
  default = null
}

variable "ingress_rules" {
  description = "Rule names: keys of local.named_rules"
  type        = list(string)
  default     = []
}

variable "ingress_cidr_blocks" {
  type    = list(string)
  default = []
}

locals {
  # name = [from port, to port, protocol, description]
  named_rules = {
    "https-443-tcp" = [443, 443, "tcp", "HTTPS"]
    "ssh-tcp"       = [22, 22, "tcp", "SSH"]
  }
  openings = flatten([for rule in var.ingress_rules : [for cidr in var.ingress_cidr_blocks : { rule = rule, cidr = cidr }]])
}

resource "aws_security_group" "this" {
  name   = var.name
  vpc_id = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "named" {
  for_each = { for o in local.openings : "${o.rule} ${o.cidr}" => o }

  security_group_id = aws_security_group.this.id
  from_port         = local.named_rules[each.value.rule][0]
  to_port           = local.named_rules[each.value.rule][1]
  ip_protocol       = local.named_rules[each.value.rule][2]
  description       = local.named_rules[each.value.rule][3]
  cidr_ipv4         = each.value.cidr
}
