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

# ICMP "type 0-65535", as if it were a port range: the code 65535 is out of range
resource "aws_security_group_rule" "icmp_from_vpc" {
  type              = "ingress"
  description       = "ICMP from the VPC"
  from_port         = 0
  to_port           = 65535
  protocol          = "icmp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.legacy.id
}

# type 300 does not exist
resource "aws_vpc_security_group_ingress_rule" "icmpv6_from_anywhere" {
  security_group_id = aws_security_group.hosts.id
  description       = "ICMPv6 from anywhere"
  ip_protocol       = "icmpv6"
  from_port         = 300
  to_port           = -1
  cidr_ipv6         = "::/0"
}

resource "aws_vpc_security_group_ingress_rule" "echo_request" {
  security_group_id = aws_security_group.hosts.id
  description       = "Ping from the VPC"
  ip_protocol       = "icmp"
  from_port         = 8
  to_port           = 0
  cidr_ipv4         = "10.0.0.0/8"
}
