variable "tiers" {
  default = [
    { name = "web", port = 443 },
    { name = "db", port = 5432 },
  ]
}

resource "aws_security_group" "tier" {
  count  = length(var.tiers)
  name   = var.tiers[count.index].name
  vpc_id = "vpc-1"
}

resource "aws_security_group_rule" "in" {
  count             = length(var.tiers)
  type              = "ingress"
  from_port         = var.tiers[count.index].port
  to_port           = var.tiers[count.index].port
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  description       = "from the office"
  security_group_id = aws_security_group.tier[count.index].id
}
