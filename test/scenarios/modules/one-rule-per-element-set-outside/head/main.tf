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

resource "aws_vpc_security_group_ingress_rule" "partners" {
  for_each          = toset(var.partner_cidrs)
  security_group_id = aws_security_group.api.id
  cidr_ipv4         = each.key
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}
