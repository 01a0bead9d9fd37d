variable "office_cidrs" {
  type    = list(string)
  default = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"]
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
}

resource "aws_security_group_rule" "office" {
  count             = length(var.office_cidrs)
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = [var.office_cidrs[count.index]]
  description       = "HTTPS from an office"
  security_group_id = aws_security_group.app.id
}
