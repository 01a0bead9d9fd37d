variable "target_security_group_id" {
  type    = list(string)
  default = []
}

locals {
  create       = length(var.target_security_group_id) == 0 && data.aws_security_group.shared.id == ""
  target_group = local.create ? aws_security_group.created[0].id : data.aws_security_group.shared.id
}

data "aws_security_group" "shared" {
  name = "shared"
}

resource "aws_security_group" "created" {
  count       = data.aws_security_group.shared.id == "" ? 1 : 0
  name_prefix = "app-"
  description = "app"
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  description       = "https from the offices"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["192.0.2.0/24", "198.51.100.0/24"]
  self              = true
  security_group_id = local.target_group

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group_rule" "admin" {
  type              = "ingress"
  description       = "admin from the offices"
  from_port         = 8443
  to_port           = 8443
  protocol          = "tcp"
  cidr_blocks       = ["192.0.2.0/24", "203.0.113.0/24"]
  security_group_id = local.target_group

  lifecycle {
    create_before_destroy = true
  }
}

# moved to another declared group: replaced, but its rules are created in ops_b, where nothing collides
resource "aws_security_group" "ops_a" {
  name        = "ops-a"
  description = "ops"
}

resource "aws_security_group" "ops_b" {
  name        = "ops-b"
  description = "ops"
}

resource "aws_security_group_rule" "ops" {
  type              = "ingress"
  description       = "ops from the offices and each other"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["192.0.2.0/24", "198.51.100.0/24"]
  self              = true
  security_group_id = aws_security_group.ops_b.id

  lifecycle {
    create_before_destroy = true
  }
}
