# ICMP rules: the JSON shows what they open as ICMP types and codes, never as the engine's
# type × 256 + code.
resource "aws_security_group" "edge" {
  name        = "edge"
  description = "Edge proxies"
  vpc_id      = "vpc-123"
}

# ingress: all of ICMP where echo request (8/0) was allowed: newly open are types 0-7, type 8 with
# codes 1-255, and types 9-255 (ranges that cross types)
resource "aws_security_group" "ping" {
  name        = "ping"
  description = "Monitored hosts"
  vpc_id      = "vpc-123"

  ingress {
    description = "All ICMP from the VPC"
    from_port   = -1
    to_port     = -1
    protocol    = "icmp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  # all of ICMP: types 0-255 with codes 0-255
  egress {
    description = "ICMP to the VPC"
    from_port   = -1
    to_port     = -1
    protocol    = "icmp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

# echo request (8/0) from the internet: a new path to the edge instances
resource "aws_vpc_security_group_ingress_rule" "echo_request" {
  security_group_id = aws_security_group.edge.id
  description       = "Ping from anywhere"
  ip_protocol       = "icmp"
  from_port         = 8
  to_port           = 0
  cidr_ipv4         = "0.0.0.0/0"
}

# every code of destination unreachable (type 3); the office's 3/4 rule is removed (closed)
resource "aws_vpc_security_group_ingress_rule" "unreachable" {
  security_group_id = aws_security_group.edge.id
  description       = "Destination unreachable from the VPC"
  ip_protocol       = "icmp"
  from_port         = 3
  to_port           = -1
  cidr_ipv4         = "10.0.0.0/8"
}

# ICMPv6 echo request (128/0) from the internet
resource "aws_vpc_security_group_ingress_rule" "echo_request_v6" {
  security_group_id = aws_security_group.edge.id
  description       = "Ping over IPv6 from anywhere"
  ip_protocol       = "icmpv6"
  from_port         = 128
  to_port           = 0
  cidr_ipv6         = "::/0"
}

resource "aws_instance" "edge" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.edge.id]
}
