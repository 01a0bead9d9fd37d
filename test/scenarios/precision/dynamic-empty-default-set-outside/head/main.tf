variable "vpc_id" {
  type    = string
  default = "vpc-0123456789abcdef0"
}

# set per environment by the pipeline's -var-file
variable "vpns" {
  type = list(object({
    name  = string
    cidrs = list(string)
  }))
  default = []
}

locals {
  vpns    = { for v in var.vpns : v.name => v }
  retired = []
}

# the blocks come from var.vpns: decided where the pipeline sets it (low)
resource "aws_security_group" "vpn_db" {
  name        = "vpn-db"
  description = "database reached over the VPNs"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = local.vpns
    content {
      description = "PostgreSQL from ${ingress.key}"
      from_port   = 5432
      to_port     = 5432
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }

  dynamic "egress" {
    for_each = local.vpns
    content {
      description = "all to ${egress.key}"
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = egress.value.cidrs
    }
  }
}

# empty as written in the repository, settable by nobody: nothing
resource "aws_security_group" "retired" {
  name        = "retired"
  description = "nothing any more"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = local.retired
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
