locals {
  office = ["10.8.0.0/16", "10.9.0.0/16"]
}

# valid RE2 that JavaScript cannot compile as written: Terraform gives "0.0.0.0/0"
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [replace("10.8.0.1/32", "/(?i)^.*$/", "0.0.0.0/0")]
  description       = "ssh"
}

# Terraform refuses a fractional index: unknown, never a crash
resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = [element(local.office, 0.5)]
  description       = "https"
}

# Terraform refuses a negative size: unknown, never an endless loop
resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = chunklist(local.office, -1)[0]
  description       = "rdp"
}
