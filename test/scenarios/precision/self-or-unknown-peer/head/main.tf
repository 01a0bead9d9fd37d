# The rule moves to the newer resource, whose target is "self" or a group id: it is either
# this group or the same unknown group as at the base. Each branch is reviewed as what it is:
# the unknown group was allowed already (nothing new, not described as one unknown), and
# this group reaching itself on 443 is new, a known group peer (low), never dropped.
variable "endpoint_group_id" {
  type = string
}

resource "aws_security_group" "db" {
  name_prefix = "db-"
}

resource "aws_vpc_security_group_egress_rule" "to_endpoints" {
  description                  = "To the KMS endpoints"
  security_group_id            = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = var.endpoint_group_id == "self" ? aws_security_group.db.id : var.endpoint_group_id
}
