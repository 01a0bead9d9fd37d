# The clients' addresses are not known before apply; the port came from the database, read at
# plan time, and becomes a literal port in the head: the database's port is not known to be
# 5432 (a hostile change writes 22), so the written port is new for the unknown peer. The
# admins' rule widens by one port: that port is new for its unknown peer.
variable "client_cidrs" {
  type = list(string)
}

variable "admin_cidrs" {
  type = list(string)
}

data "aws_db_instance" "main" {
  db_instance_identifier = "main"
}

resource "aws_security_group" "db" {
  name_prefix = "db-"
}

resource "aws_security_group_rule" "clients" {
  description       = "Clients to the database"
  type              = "ingress"
  from_port         = data.aws_db_instance.main.port
  to_port           = data.aws_db_instance.main.port
  protocol          = "tcp"
  cidr_blocks       = var.client_cidrs
  security_group_id = aws_security_group.db.id
}

resource "aws_security_group_rule" "admins" {
  description       = "Admins to the database"
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = var.admin_cidrs
  security_group_id = aws_security_group.db.id
}
