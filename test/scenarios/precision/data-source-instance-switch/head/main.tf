variable "tiers" {
  type    = set(string)
  default = ["web", "db"]
}

data "aws_security_group" "tier" {
  for_each = var.tiers
  name     = each.key
}

data "aws_security_group" "legacy" {
  count = 2
  name  = "legacy-${count.index}"
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "application"
}

resource "aws_security_group_rule" "from_tier" {
  type                     = "ingress"
  description              = "app port from the web tier"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = data.aws_security_group.tier["db"].id
  security_group_id        = aws_security_group.app.id
}

resource "aws_security_group_rule" "from_legacy" {
  type                     = "ingress"
  description              = "app port from the first legacy group"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = data.aws_security_group.legacy[1].id
  security_group_id        = aws_security_group.app.id
}
