resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_security_group" "legacy" {
  name        = "legacy"
  description = "Legacy app"
  vpc_id      = "vpc-0123456789abcdef0"
}
