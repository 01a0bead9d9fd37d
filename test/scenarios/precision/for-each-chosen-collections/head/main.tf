# for_each over collections chosen when Terraform runs (the environment, the workspace, rules
# passed by the pipeline): each collection the code can pick is reviewed, so widening the one
# for production is seen.
variable "environment" {
  type = string
}

variable "create_rules" {
  type = bool
}

variable "items" {
  type = map(object({ cidr = string, port = number }))
}

variable "extra" {
  type = list(string)
}

locals {
  prod_rules = { ssh = { cidr = "0.0.0.0/0", port = 22 } }
  dev_rules  = { ssh = { cidr = "10.0.0.0/8", port = 22 } }
  rdp_rules  = { rdp = { cidr = "0.0.0.0/0", port = 3389 } }
  rules_by_env = {
    prod = { postgres = { cidr = "0.0.0.0/0", port = 5432 } }
    dev  = { postgres = { cidr = "10.0.0.0/8", port = 5432 } }
  }
  builtin    = { mysql = { cidr = "0.0.0.0/0", port = 3306 } }
  prod_cidrs = ["0.0.0.0/0"]
  dev_cidrs  = ["10.0.0.0/8"]
  office     = ["0.0.0.0/0"]
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c"

  dynamic "ingress" {
    for_each = var.environment == "prod" ? local.prod_cidrs : local.dev_cidrs
    content {
      description = "redis"
      from_port   = 6379
      to_port     = 6379
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }

  dynamic "ingress" {
    for_each = merge(local.builtin, var.items)
    content {
      description = ingress.key
      from_port   = ingress.value.port + 8000
      to_port     = ingress.value.port + 8000
      protocol    = "tcp"
      cidr_blocks = [ingress.value.cidr]
    }
  }

  dynamic "ingress" {
    for_each = coalescelist(var.extra, local.office)
    content {
      description = "elasticsearch"
      from_port   = 9200
      to_port     = 9200
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }
}

resource "aws_security_group" "data" {
  name   = "data"
  vpc_id = "vpc-0a1b2c"
}

resource "aws_vpc_security_group_ingress_rule" "by_environment" {
  for_each          = var.environment == "prod" ? local.prod_rules : local.dev_rules
  security_group_id = aws_security_group.data.id
  description       = each.key
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
}

resource "aws_vpc_security_group_ingress_rule" "if_created" {
  for_each          = var.create_rules ? local.rdp_rules : {}
  security_group_id = aws_security_group.data.id
  description       = each.key
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
}

resource "aws_vpc_security_group_ingress_rule" "by_workspace" {
  for_each          = local.rules_by_env[terraform.workspace]
  security_group_id = aws_security_group.data.id
  description       = each.key
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
}

resource "aws_vpc_security_group_ingress_rule" "builtin_and_extra" {
  for_each          = merge(local.builtin, var.items)
  security_group_id = aws_security_group.data.id
  description       = each.key
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
}
