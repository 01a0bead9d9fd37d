# The port is no longer written (var.port is null, so local.port is null): the cluster gets
# its engine's default, 5432 for aurora-postgresql (the engine echoed from the global
# cluster), the port the rule allowed the unknown CIDRs on before. Nothing new opens, and the
# unknown source, the same as at the base, is not reported again. A new MySQL cluster without
# a port listens on 3306.
variable "port" {
  type    = string
  default = null
}

variable "allowed_cidr_blocks" {
  type = list(string)
}

resource "aws_rds_global_cluster" "this" {
  global_cluster_identifier = "orders"
  engine                    = "aurora-postgresql"
}

locals {
  port = var.port == "" ? (aws_rds_global_cluster.this.engine == "aurora-postgresql" ? 5432 : 3306) : var.port
}

resource "aws_security_group" "app" {
  name_prefix = "app-"
}

resource "aws_security_group" "db" {
  name_prefix = "db-"
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier        = "orders"
  global_cluster_identifier = aws_rds_global_cluster.this.id
  engine                    = aws_rds_global_cluster.this.engine
  port                      = local.port
  vpc_security_group_ids    = [aws_security_group.db.id]
}

resource "aws_security_group_rule" "cidr_ingress" {
  description       = "From allowed CIDRs"
  type              = "ingress"
  from_port         = aws_rds_cluster.orders.port
  to_port           = aws_rds_cluster.orders.port
  protocol          = "tcp"
  cidr_blocks       = var.allowed_cidr_blocks
  security_group_id = aws_security_group.db.id
}

resource "aws_rds_cluster" "reports" {
  cluster_identifier     = "reports"
  engine                 = "aurora-mysql"
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_security_group_rule" "app_to_reports" {
  description              = "The app to the reports database"
  type                     = "ingress"
  from_port                = aws_rds_cluster.reports.port
  to_port                  = aws_rds_cluster.reports.port
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.app.id
  security_group_id        = aws_security_group.db.id
}
