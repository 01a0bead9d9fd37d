variable "office_cidrs" {
  # pre-existing: the host bits were set before this change, so it is not reported
  default = ["192.168.0.1/24"]
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "Web tier"
  vpc_id      = "vpc-123"

  ingress {
    description = "HTTPS from the office"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.office_cidrs
  }

  # "http" is no protocol: the apply fails, and this opens nothing (never all traffic)
  ingress {
    description = "HTTP from anywhere"
    from_port   = 80
    to_port     = 80
    protocol    = "http"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "Admin UI"
  vpc_id      = "vpc-123"
}

resource "aws_security_group" "api" {
  name        = "api"
  description = "API tier"
  vpc_id      = "vpc-123"
}

# one CIDR with host bits set: only that one is invalid; the other opens 8080 as usual
resource "aws_security_group_rule" "admin" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  description       = "Admin UI from the VPN"
  from_port         = 8080
  to_port           = 8080
  protocol          = "tcp"
  cidr_blocks       = ["10.8.0.0/16", "10.9.0.1/24"]
}

# an IPv4 block in the IPv6 field
resource "aws_vpc_security_group_ingress_rule" "metrics" {
  security_group_id = aws_security_group.api.id
  description       = "Metrics scraper"
  ip_protocol       = "tcp"
  from_port         = 9100
  to_port           = 9100
  cidr_ipv6         = "10.0.0.0/8"
}

# a reversed range is rejected, never swapped
resource "aws_vpc_security_group_ingress_rule" "app" {
  security_group_id = aws_security_group.api.id
  description       = "App ports"
  ip_protocol       = "tcp"
  from_port         = 9000
  to_port           = 8000
  cidr_ipv4         = "10.8.0.0/16"
}
