# Rules from a list passed in, empty by default: one rule for the whole list at the base, one
# per element at the head. The same addresses, set outside the repository: nothing new.
variable "partner_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "api" {
  name_prefix = "api-"
  description = "partner API"
}

resource "aws_security_group_rule" "partners" {
  type              = "ingress"
  description       = "partners"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = var.partner_cidrs
  security_group_id = aws_security_group.api.id
}
