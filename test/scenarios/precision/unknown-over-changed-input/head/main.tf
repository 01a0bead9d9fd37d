# The rule's list joins a known variable and addresses known only after apply: each part is
# reviewed as what it is. The PR changes only the variable: the rule is unchanged, its access
# is not, and what the variable adds is reported at the variable.
variable "admin_cidrs" {
  default = ["192.0.2.10/32", "198.51.100.0/24"]
}

resource "aws_eip" "nat" {
  count = 2
}

resource "aws_security_group" "api" {
  name        = "api"
  description = "API load balancer"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    description = "HTTPS from the admins and the NAT addresses"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = concat(var.admin_cidrs, formatlist("%s/32", aws_eip.nat[*].public_ip))
  }
}
