# var.admin_cidrs and var.vagrant_cidr are declared nowhere in this directory (a typo, or a
# file the review cannot read), and the hooks rule reads a data source by a wrong name.
data "github_ip_ranges" "github" {}

resource "aws_eip" "nat" {
  count = 2
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web tier"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    description = "HTTPS from the admins"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }

  ingress {
    description = "webhooks"
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = data.github_ip_ranges.github.hooks_ipv4
  }

  ingress {
    description = "SSH from the vagrant boxes"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.vagrant_cidr]
  }

  ingress {
    description = "HTTP from the NAT addresses"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = formatlist("%s/32", aws_eip.nat[*].public_ip)
  }
}
