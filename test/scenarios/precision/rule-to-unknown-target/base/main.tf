variable "target_group_id" {
  type = string
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "application"
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  description       = "https from the VPC"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  description       = "ssh from the VPC"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
  security_group_id = aws_security_group.app.id
}
