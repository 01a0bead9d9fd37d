variable "extra_cidrs" {
  description = "More sources for the admin port, set per environment"
  type        = list(string)
  default     = []
}

variable "office_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "admin"
  ingress {
    description = "office"
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = var.office_cidrs
  }
}
