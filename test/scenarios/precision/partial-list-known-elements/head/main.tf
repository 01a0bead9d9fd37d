# The office ranges are known; var.extra is set by the pipeline. Each rule keeps the office
# ranges through another function of the partly known list, so widening them is seen.
variable "extra" {
  type = list(string)
}

locals {
  office = ["0.0.0.0/0"]
  all    = concat(var.extra, local.office)
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [for c in local.all : c]
  }

  ingress {
    description = "rdp"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = setunion(var.extra, local.office)
  }

  ingress {
    description = "postgres"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [element(concat(local.office, var.extra), 0)]
  }

  ingress {
    description = "mysql"
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = slice(concat(local.office, var.extra), 0, 1)
  }

  ingress {
    description = "redis"
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = formatlist("%s", local.all)
  }

  dynamic "ingress" {
    for_each = setunion(var.extra, local.office)
    content {
      description = "memcached"
      from_port   = 11211
      to_port     = 11211
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }
}

resource "aws_security_group" "search" {
  name   = "search"
  vpc_id = "vpc-0a1b2c"
}

resource "aws_vpc_security_group_ingress_rule" "elasticsearch" {
  count             = length(local.all)
  security_group_id = aws_security_group.search.id
  description       = "elasticsearch"
  ip_protocol       = "tcp"
  from_port         = 9200
  to_port           = 9200
  cidr_ipv4         = local.all[count.index]
}

resource "aws_vpc_security_group_ingress_rule" "mongodb" {
  for_each          = toset(local.all)
  security_group_id = aws_security_group.search.id
  description       = "mongodb"
  ip_protocol       = "tcp"
  from_port         = 27017
  to_port           = 27017
  cidr_ipv4         = each.value
}
