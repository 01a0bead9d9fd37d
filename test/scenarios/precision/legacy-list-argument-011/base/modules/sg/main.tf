variable "rules" {
  type = "map"

  default = {
    http  = [80, 80, "tcp", "HTTP"]
    mysql = [3306, 3306, "tcp", "MySQL"]
  }
}

variable "ingress_rules" {
  default = []
}

resource "aws_security_group" "this" {
  name        = "web"
  description = "web"
  vpc_id      = "vpc-1"
}

resource "aws_security_group_rule" "ingress_rules" {
  count = "${length(var.ingress_rules)}"

  security_group_id = "${aws_security_group.this.id}"
  type              = "ingress"
  cidr_blocks       = ["0.0.0.0/0"]
  description       = "${element(var.rules[var.ingress_rules[count.index]], 3)}"
  from_port         = "${element(var.rules[var.ingress_rules[count.index]], 0)}"
  to_port           = "${element(var.rules[var.ingress_rules[count.index]], 1)}"
  protocol          = "${element(var.rules[var.ingress_rules[count.index]], 2)}"
}
