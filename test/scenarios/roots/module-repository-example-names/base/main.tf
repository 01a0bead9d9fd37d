variable "allowed_cidrs" {
  type    = list(string)
  default = []
}

variable "allowed_ipv6_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "default" {
  name   = "db"
  vpc_id = "vpc-1"
}
