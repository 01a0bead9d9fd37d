variable "office" {
  type = string
}

locals {
  rules = yamldecode(templatefile("${path.module}/rules.yaml.tpl", { office = var.office }))
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"

  dynamic "ingress" {
    for_each = local.rules
    content {
      description = ingress.value.description
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}

resource "aws_lb" "web" {
  name            = "web"
  internal        = false
  security_groups = [aws_security_group.web.id]
}
