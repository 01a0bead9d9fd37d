# A group read by a data source with a count (Terraform 0.11 style). Every syntax for one of
# its instances names the data source the same way: rewriting `.0.id` as `[0].id` opens
# nothing, and each new rule's title names `data.aws_security_group.db.id`.
variable "use_db" {
  default = "1"
}

data "aws_security_group" "db" {
  count = "${var.use_db}"
  name  = "db"
}

resource "aws_security_group_rule" "db_from_vpc" {
  type              = "ingress"
  description       = "postgres from the vpc"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
  security_group_id = "${data.aws_security_group.db.0.id}"
}
