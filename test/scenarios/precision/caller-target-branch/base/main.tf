# A module reviewed on its own: it creates its group, or its callers pass one.
variable "create" {
  type    = bool
  default = true
}

variable "security_group_id" {
  type    = string
  default = null
}

resource "aws_security_group" "this" {
  count       = var.create ? 1 : 0
  name        = "app"
  description = "App"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "https" {
  description       = "HTTPS from the VPC"
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.this[0].id
}
