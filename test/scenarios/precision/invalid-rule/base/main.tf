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
}
