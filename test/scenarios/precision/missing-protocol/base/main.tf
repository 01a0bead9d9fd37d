variable "extra_rules" {
  type    = any
  default = {}
}

variable "rule" {
  type    = any
  default = {}
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"
  vpc_id      = "vpc-123"
}

resource "aws_security_group" "api" {
  name        = "api"
  description = "API servers"
  vpc_id      = "vpc-123"
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "Admin UI"
  vpc_id      = "vpc-123"
}
