variable "endpoints_group_id" {
  type = string
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
}

resource "aws_security_group_rule" "app_to_endpoints" {
  type                     = "ingress"
  security_group_id        = var.endpoints_group_id
  protocol                 = "tcp"
  from_port                = 443
  to_port                  = 443
  source_security_group_id = aws_security_group.app.id
  description              = "HTTPS from the app"
}
