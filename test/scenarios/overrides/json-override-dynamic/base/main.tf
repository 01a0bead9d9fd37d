variable "ports" {
  default = [443]
}

resource "aws_security_group" "api" {
  name        = "api"
  description = "api tier"

  dynamic "ingress" {
    for_each = var.ports
    content {
      description = "api from the VPC"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}
