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
    cidr_blocks = data.github_ip_ranges.outputs.github.hooks_ipv4
  }
}
