# Rules come in as a map whose values (and so each rule's type) are set by the caller:
# each rule resource may be ingress or egress. The PR changes the CIDR field.
variable "rules" {
  type = map(any)
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "App"
  tags = {
    Team = "web"
  }
}

resource "aws_security_group_rule" "keyed" {
  for_each          = var.rules
  security_group_id = aws_security_group.app.id
  type              = each.value.type
  description       = each.value.description
  from_port         = each.value.from_port
  to_port           = each.value.to_port
  protocol          = each.value.protocol
  cidr_blocks       = each.value.cidrs
  ipv6_cidr_blocks  = each.value.ipv6_cidr_blocks

  lifecycle {
    create_before_destroy = true
  }
}
