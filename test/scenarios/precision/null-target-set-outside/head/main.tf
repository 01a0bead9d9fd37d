# The module stops creating its group by default: the rules now go to the group the callers
# pass, null here. The SSH rule to the internet is critical on that group, named by its
# expression, never "on null".
variable "create" {
  type    = bool
  default = false
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
  security_group_id = var.create ? aws_security_group.this[0].id : var.security_group_id
}

resource "aws_security_group_rule" "ssh" {
  description       = "SSH from anywhere"
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = var.create ? aws_security_group.this[0].id : var.security_group_id
}
