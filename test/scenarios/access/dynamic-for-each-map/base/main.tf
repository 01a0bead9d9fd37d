locals {
  ports = { https = 443 }
}
resource "aws_security_group" "lb" {
  name        = "lb"
  description = "lb"
  dynamic "ingress" {
    for_each = local.ports
    content {
      description = ingress.key
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
