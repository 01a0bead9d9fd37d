# The cluster's port is written, so the provider stores it as given: a rule on
# aws_rds_cluster.main.port opens that port, known before apply, not "all ports".
resource "aws_security_group" "app" {
  name_prefix = "app-"
}

resource "aws_security_group" "db" {
  name_prefix = "db-"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier     = "main"
  engine                 = "aurora-postgresql"
  port                   = 5432
  vpc_security_group_ids = [aws_security_group.db.id]
}

variable "reports_port" {
  type    = number
  default = null
}

# the engine is set outside (no default): its default port is not known either
variable "reports_engine" {
  type = string
}

resource "aws_rds_cluster" "default_port" {
  cluster_identifier     = "reports"
  engine                 = var.reports_engine
  port                   = var.reports_port
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_security_group_rule" "app_to_db" {
  description              = "The app to the database"
  type                     = "ingress"
  from_port                = aws_rds_cluster.main.port
  to_port                  = aws_rds_cluster.main.port
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.app.id
  security_group_id        = aws_security_group.db.id
}

# a null port is no port: the engine's default, chosen by RDS, unknown while the engine is
resource "aws_security_group_rule" "app_to_reports" {
  description              = "The app to the reports database"
  type                     = "ingress"
  from_port                = aws_rds_cluster.default_port.port
  to_port                  = aws_rds_cluster.default_port.port
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.app.id
  security_group_id        = aws_security_group.db.id
}
