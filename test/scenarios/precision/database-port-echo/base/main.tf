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

resource "aws_rds_cluster" "default_port" {
  cluster_identifier     = "reports"
  engine                 = "aurora-mysql"
  port                   = var.reports_port
  vpc_security_group_ids = [aws_security_group.db.id]
}
