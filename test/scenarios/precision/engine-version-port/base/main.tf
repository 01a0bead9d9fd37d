# The database's port follows its engine, written as such.
variable "client_cidrs" {
  type = list(string)
}

locals {
  engine = "aurora-postgresql"
  port   = local.engine == "aurora-postgresql" ? 5432 : 3306
}

resource "aws_security_group" "db" {
  name_prefix = "db-"
}

resource "aws_security_group_rule" "clients" {
  description       = "Clients to the database"
  type              = "ingress"
  from_port         = local.port
  to_port           = local.port
  protocol          = "tcp"
  cidr_blocks       = var.client_cidrs
  security_group_id = aws_security_group.db.id
}

resource "aws_security_group" "reports" {
  name_prefix = "reports-"
}

resource "aws_security_group_rule" "reports" {
  description       = "Clients to the reports database"
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = var.client_cidrs
  security_group_id = aws_security_group.reports.id
}
