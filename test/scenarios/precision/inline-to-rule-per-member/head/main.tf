# The app groups are passed in (no default). The PR turns the inline rule into one
# standalone rule per group: the same groups, so nothing new is unknown.
variable "app_groups" {
  type = list(string)
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"
}

resource "aws_security_group_rule" "postgres_from_apps" {
  count                    = length(var.app_groups)
  type                     = "ingress"
  description              = "Postgres from the apps"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = element(var.app_groups, count.index)
  security_group_id        = aws_security_group.db.id
}
