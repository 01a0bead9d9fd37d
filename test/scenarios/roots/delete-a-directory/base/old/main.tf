resource "aws_security_group" "web" {
  name   = "web-other"
  vpc_id = "vpc-1"

  ingress {
    description = "HTTPS from the offices"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.0/24"]
  }
}

resource "aws_security_group_rule" "admin" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  description       = "Admin console from the VPN"
  from_port         = 8443
  to_port           = 8443
  protocol          = "tcp"
  cidr_blocks       = ["203.0.113.0/24"]
}
