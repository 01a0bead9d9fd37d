variable "allowed_security_groups" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "default" {
  name        = "cache"
  description = "cache"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "from_groups" {
  count                    = length(var.allowed_security_groups)
  description              = "redis from the callers' groups"
  type                     = "ingress"
  from_port                = 6379
  to_port                  = 6379
  protocol                 = "tcp"
  source_security_group_id = element(var.allowed_security_groups, count.index)
  security_group_id        = aws_security_group.default.id
}
