# Each source below is "0.0.0.0/0" in Terraform (checked with terraform console 1.11).

# regexall over a data file: the PR adds a line to admins.txt
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
  cidr_blocks       = [regex("net=(?P<cidr>[0-9./]+)", "net=0.0.0.0/0").cidr]
  description       = "rdp"
}

resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = [for r in csvdecode("name,cidr\nall,\"0.0.0.0/0\"\n") : r.cidr]
  description       = "postgres"
}

resource "aws_security_group_rule" "mysql" {
  for_each          = transpose({ mysql = ["0.0.0.0/0"] })
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3306
  to_port           = 3306
  protocol          = "tcp"
  cidr_blocks       = [each.key]
  description       = "mysql"
}

resource "aws_security_group_rule" "redis" {
  for_each          = { for p in setproduct(["0.0.0.0/0"], [6379]) : p[1] => p[0] }
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
  cidr_blocks       = [textdecodebase64("MAAuADAALgAwAC4AMAAvADAA", "UTF-16LE")]
  description       = "mongo"
}
