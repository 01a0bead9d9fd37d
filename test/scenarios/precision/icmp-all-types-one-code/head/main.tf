# from_port is the ICMP type and to_port the code; -1 is every one. Every type with one code
# cannot be expressed: AWS requires every code with every type, so the rule is refused
# (invalid-rule) and opens nothing; it is not read as all ICMP. One type with every code
# (3, -1: destination-unreachable) is valid.
resource "aws_security_group" "hosts" {
  name        = "hosts"
  description = "Monitored hosts"
  vpc_id      = "vpc-123"
}

resource "aws_security_group_rule" "any_type_code_zero" {
  type              = "ingress"
  description       = "ICMP code 0 from anywhere"
  from_port         = -1
  to_port           = 0
  protocol          = "icmp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.hosts.id
}

resource "aws_security_group_rule" "unreachable" {
  type              = "ingress"
  description       = "Destination unreachable from the VPC"
  from_port         = 3
  to_port           = -1
  protocol          = "icmp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.hosts.id
}
