# Each source below is "0.0.0.0/0" in Terraform (checked with terraform console 1.11).

# an explicit argument index picks the second argument
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [format("%[2]s", "10.1.2.3/32", "0.0.0.0/0")]
  description       = "ssh"
}

# a precision truncates a string to that many characters
resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = [format("%.1s.0.0.0/0", "0abc")]
  description       = "rdp"
}

# %d of a fraction is Terraform's error: try() takes the fallback
resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = [try(format("%d.0.0.0/8", 10.5), "0.0.0.0/0")]
  description       = "postgres"
}

# formatlist repeats a value that is not a list beside the lists it iterates
resource "aws_security_group_rule" "mysql" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3306
  to_port           = 3306
  protocol          = "tcp"
  cidr_blocks       = formatlist("%s/%d", ["0.0.0.0"], 0)
  description       = "mysql"
}
