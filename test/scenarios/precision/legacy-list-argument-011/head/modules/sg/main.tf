variable "rules" {
  type = map(list(any))

  default = {
    http  = [80, 80, "tcp", "HTTP"]
    mysql = [3306, 3306, "tcp", "MySQL"]
  }
}

variable "ingress_rules" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "this" {
  name        = "web"
  description = "web"
  vpc_id      = "vpc-1"
}

resource "aws_security_group_rule" "ingress_rules" {
  count = length(var.ingress_rules)

  security_group_id = aws_security_group.this.id
  type              = "ingress"
  cidr_blocks       = ["0.0.0.0/0"]
  description       = var.rules[var.ingress_rules[count.index]][3]
  from_port         = var.rules[var.ingress_rules[count.index]][0]
  to_port           = var.rules[var.ingress_rules[count.index]][1]
  protocol          = var.rules[var.ingress_rules[count.index]][2]
}
