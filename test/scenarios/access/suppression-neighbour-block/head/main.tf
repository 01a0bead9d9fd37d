# sg-review:ignore new-ingress office range, approved in SEC-12
resource "aws_security_group_rule" "office" { cidr_blocks = ["198.51.100.0/24"] }
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  description       = "ops"
}
