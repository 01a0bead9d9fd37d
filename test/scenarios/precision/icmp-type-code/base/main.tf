resource "aws_security_group" "edge" {
  name        = "edge"
  description = "Edge proxies"
  vpc_id      = "vpc-123"
}

resource "aws_security_group" "ping" {
  name        = "ping"
  description = "Monitored hosts"
  vpc_id      = "vpc-123"

  ingress {
    description = "Echo request from the VPC"
    from_port   = 8
    to_port     = 0
    protocol    = "icmp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "fragmentation_needed" {
  security_group_id = aws_security_group.edge.id
  description       = "Path MTU discovery from the office"
  ip_protocol       = "icmp"
  from_port         = 3
  to_port           = 4
  cidr_ipv4         = "192.168.0.0/16"
}

resource "aws_instance" "edge" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.edge.id]
}
