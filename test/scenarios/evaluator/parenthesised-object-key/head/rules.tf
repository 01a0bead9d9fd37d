locals {
  env = "prod"
  # `(local.env) = …` is the key "prod" in Terraform, not the key "local.env"
  ssh_sources = { (local.env) = "0.0.0.0/0", staging = "10.1.0.0/16" }
}

# Terraform gives "0.0.0.0/0": the parenthesised key is the value of local.env
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [lookup(local.ssh_sources, "prod", "10.1.2.3/32")]
  description       = "ssh"
}

# the same inside an expression: Terraform gives "0.0.0.0/0"
resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = [for k in ["a"] : lookup({ (k) = "0.0.0.0/0" }, "a", "10.1.2.3/32")]
  description       = "rdp"
}

# a key written bare is its own name: Terraform gives "10.1.2.3/32" (k = "a" is not read)
resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = [for k in ["a"] : lookup({ k = "0.0.0.0/0" }, "a", "10.1.2.3/32")]
  description       = "https"
}
