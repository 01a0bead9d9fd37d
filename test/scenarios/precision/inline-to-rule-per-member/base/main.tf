# The app groups are passed in (no default). The PR turns the inline rule into one
# standalone rule per group: the same groups, so nothing new is unknown.
variable "app_groups" {
  type = list(string)
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"

  ingress {
    description     = "Postgres from the apps"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = var.app_groups
  }
}
