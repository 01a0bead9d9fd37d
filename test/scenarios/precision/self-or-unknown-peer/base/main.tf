# The database may call the key service's endpoints, whose group is known only at plan time.
variable "endpoint_group_id" {
  type = string
}

resource "aws_security_group" "db" {
  name_prefix = "db-"
}

resource "aws_security_group_rule" "to_endpoints" {
  description              = "To the KMS endpoints"
  type                     = "egress"
  from_port                = 443
  to_port                  = 443
  protocol                 = "tcp"
  source_security_group_id = var.endpoint_group_id
  security_group_id        = aws_security_group.db.id
}
