resource "aws_security_group" "hosts" {
  name        = "hosts"
  description = "Monitored hosts"
  vpc_id      = "vpc-123"
}
