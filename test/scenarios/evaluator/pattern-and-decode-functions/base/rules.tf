# Each source below is a private range in Terraform (checked with terraform console 1.11).

# regexall over a data file
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = regexall("[0-9.]+/[0-9]+", file("${path.module}/admins.txt"))
  description       = "ssh"
}

# a named capture group is an object
resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = [regex("net=(?P<cidr>[0-9./]+)", "net=10.1.0.0/16").cidr]
  description       = "rdp"
}

resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = [for r in csvdecode("name,cidr\nall,\"10.2.0.0/16\"\n") : r.cidr]
  description       = "postgres"
}

resource "aws_security_group_rule" "mysql" {
  for_each          = transpose({ mysql = ["10.3.0.0/16"] })
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3306
  to_port           = 3306
  protocol          = "tcp"
  cidr_blocks       = [each.key]
  description       = "mysql"
}

resource "aws_security_group_rule" "redis" {
  for_each          = { for p in setproduct(["10.4.0.0/16"], [6379]) : p[1] => p[0] }
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = each.key
  to_port           = each.key
  protocol          = "tcp"
  cidr_blocks       = [each.value]
  description       = "redis"
}

resource "aws_security_group_rule" "mongo" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 27017
  to_port           = 27017
  protocol          = "tcp"
  cidr_blocks       = [textdecodebase64("MQAwAC4ANQAuADAALgAwAC8AMQA2AA==", "UTF-16LE")]
  description       = "mongo"
}
