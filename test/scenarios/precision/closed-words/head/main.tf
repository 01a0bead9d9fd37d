# What closes reads as the reader wrote it: a narrowed range is the old range except what is
# still allowed, and a removed rule on a port read from a variable is not "all tcp ports".
variable "app_port" {
  type = number
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  vpc_id      = "vpc-1"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  description       = "ssh from the network"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.1.0.0/16"]
}

