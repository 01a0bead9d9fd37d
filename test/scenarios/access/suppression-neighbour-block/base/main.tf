# sg-review:ignore new-ingress office range, approved in SEC-12
resource "aws_security_group_rule" "office" { cidr_blocks = ["198.51.100.0/24"] }
