variable "extra_cidrs" {
  description = "More sources for the admin port, set per environment"
  type        = list(string)
  default     = []
}

variable "office_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "admin"
  ingress {
    description = "office"
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = var.office_cidrs
  }
  ingress {
    description = "monitoring"
    from_port   = 9100
    to_port     = 9100
    protocol    = "tcp"
    cidr_blocks = ["10.1.0.0/24"]
  }
}

resource "aws_security_group_rule" "admin_vpc" {
  type              = "ingress"
  description       = "admin from the vpc and the extra sources"
  from_port         = 9443
  to_port           = 9443
  protocol          = "tcp"
  cidr_blocks       = concat(var.extra_cidrs, ["10.0.0.0/16"])
  security_group_id = aws_security_group.console.id
}

resource "aws_security_group" "console" {
  name        = "console"
  description = "console"
}
