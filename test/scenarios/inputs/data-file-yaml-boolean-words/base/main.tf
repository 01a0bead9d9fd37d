# The rules live in a YAML file; Terraform reads `yes` there as true (YAML 1.1 booleans).
locals {
  services = yamldecode(file("${path.module}/services.yaml")).services
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c"

  dynamic "ingress" {
    for_each = local.services
    content {
      description = ingress.key
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = [ingress.value.public == true ? "0.0.0.0/0" : "10.20.0.0/16"]
    }
  }
}
