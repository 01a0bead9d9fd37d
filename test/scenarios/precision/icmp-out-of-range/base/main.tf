# ICMP type and code are each 0-255, or -1 for all. AWS refuses anything else ("ICMP code
# (65535) out of range"): such a rule is invalid and opens nothing, it is never capped to 255
# and never read as all traffic. Echo request (8/0) stays valid.
resource "aws_security_group" "hosts" {
  name        = "hosts"
  description = "Monitored hosts"
  vpc_id      = "vpc-123"
}

resource "aws_security_group" "legacy" {
  name        = "legacy"
  description = "Legacy hosts"
  vpc_id      = "vpc-123"
}
