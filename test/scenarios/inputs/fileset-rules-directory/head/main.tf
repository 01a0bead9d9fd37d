# one ingress rule per file of rules/ (rules kept as data)
locals {
  rules = { for f in fileset(path.module, "rules/*.yaml") : trimsuffix(basename(f), ".yaml") => yamldecode(file("${path.module}/${f}")) }
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
}

resource "aws_vpc_security_group_ingress_rule" "rules" {
  for_each          = local.rules
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
  description       = each.key
}
