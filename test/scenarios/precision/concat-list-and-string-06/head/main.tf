# Terraform 0.6's concat took a string beside a list as one more element: the offices stay,
# the VPN address is what this change opens.
variable "office_cidrs" {
  default = "198.51.100.0/24,203.0.113.0/24"
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "admin hosts"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["${concat(split(",", var.office_cidrs), "192.0.2.10/32")}"]
  }
}
