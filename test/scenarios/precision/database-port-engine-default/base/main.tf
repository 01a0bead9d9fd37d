variable "port" {
  type    = string
  default = ""
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
