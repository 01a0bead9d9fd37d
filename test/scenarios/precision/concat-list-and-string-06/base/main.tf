# Terraform 0.6: a list passed in is a comma-separated string, split where it is used.
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
    cidr_blocks = ["${split(",", var.office_cidrs)}"]
  }
}
