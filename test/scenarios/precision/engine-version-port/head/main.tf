# The engine now comes from an engine version looked up by a data source. The version found
# is of the engine its `engine` argument names, so the port is still 5432: nothing new.
# The reports database now looks up a MySQL engine: 3306 is new for its unknown clients.
# An attribute the lookup computes (its version) stays unknown.
variable "client_cidrs" {
  type = list(string)
}

data "aws_rds_engine_version" "postgresql" {
  engine  = "aurora-postgresql"
  version = "17.5"
}

data "aws_rds_engine_version" "mysql" {
  engine = "aurora-mysql"
}

locals {
  port = data.aws_rds_engine_version.postgresql.engine == "aurora-postgresql" ? 5432 : 3306
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
  from_port         = data.aws_rds_engine_version.mysql.engine == "aurora-postgresql" ? 5432 : 3306
  to_port           = data.aws_rds_engine_version.mysql.engine == "aurora-postgresql" ? 5432 : 3306
  protocol          = "tcp"
  cidr_blocks       = var.client_cidrs
  security_group_id = aws_security_group.reports.id
}

resource "aws_security_group_rule" "reports_admin" {
  description       = "Admins to the reports database"
  type              = "ingress"
  from_port         = startswith(data.aws_rds_engine_version.mysql.version, "8.") ? 3306 : 33060
  to_port           = startswith(data.aws_rds_engine_version.mysql.version, "8.") ? 3306 : 33060
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
  security_group_id = aws_security_group.reports.id
}
