# The peer group is looked up at plan time; the PR only drops the office range from the
# same block: it narrows, and the looked-up group is the same unknown as before.
data "aws_security_group" "monitoring" {
  name = "monitoring"
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"

  ingress {
    description     = "Postgres exporter"
    from_port       = 9187
    to_port         = 9187
    protocol        = "tcp"
    security_groups = [data.aws_security_group.monitoring.id]
  }
}
