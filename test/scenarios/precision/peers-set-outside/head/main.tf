# A module-style root: the partner CIDRs are passed in by whoever runs it (-var / TF_VAR_),
# and no tfvars file in the repository sets them.
variable "partner_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "api" {
  name        = "api"
  description = "Partner API"
}

resource "aws_security_group_rule" "partners" {
  type              = "ingress"
  description       = "Partner callbacks"
  from_port         = 8443
  to_port           = 8443
  protocol          = "tcp"
  cidr_blocks       = var.partner_cidrs
  security_group_id = aws_security_group.api.id
}
