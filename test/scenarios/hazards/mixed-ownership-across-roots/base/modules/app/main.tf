variable "endpoints_group_id" {
  type = string
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
}
