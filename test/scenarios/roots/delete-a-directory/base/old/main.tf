resource "aws_security_group" "web" {
  name   = "web-other"
  vpc_id = "vpc-1"
}
