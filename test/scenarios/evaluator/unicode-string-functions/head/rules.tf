# Each source below is "0.0.0.0/0" in Terraform (checked with terraform console 1.11).

# chomp removes the trailing newline a file() or heredoc leaves
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [chomp("0.0.0.0/0\r\n")]
  description       = "ssh"
}

# trimspace trims Go's white space, U+0085 (NEL) included
resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = [trimspace("0.0.0.0/0\u0085")]
  description       = "rdp"
}

# substr counts grapheme clusters: "e\u0301" is one character
resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = [substr("e\u03010.0.0.0/0", 1, 9)]
  description       = "postgres"
}

# length counts grapheme clusters too: the rule exists (count = 1)
resource "aws_security_group_rule" "mysql" {
  count             = length("e\u0301") == 1 ? 1 : 0
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3306
  to_port           = 3306
  protocol          = "tcp"
  cidr_blocks       = [strrev("0/0.0.0.0")]
  description       = "mysql"
}
