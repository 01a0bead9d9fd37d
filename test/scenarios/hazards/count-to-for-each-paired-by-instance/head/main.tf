variable "tiers" {
  default = {
    web = 443
    db  = 5432
  }
}

resource "aws_security_group" "tier" {
  for_each = var.tiers
  name     = each.key
  vpc_id   = "vpc-1"
}

resource "aws_security_group_rule" "in" {
  for_each          = var.tiers
  type              = "ingress"
  from_port         = each.value
  to_port           = each.value
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  description       = "from the office"
  security_group_id = aws_security_group.tier[each.key].id
}
