# The subnets' ranges are outputs of a registry module that is not read: unknown. The PR
# allows the private ranges one by one (members of the list the base allowed: nothing new)
# and a public range (another unknown: reported).
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"
}

resource "aws_vpc_security_group_ingress_rule" "private_az1" {
  security_group_id = aws_security_group.db.id
  description       = "Postgres from private subnet 1"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = element(module.vpc.private_subnets_cidr_blocks, 0)
}

resource "aws_vpc_security_group_ingress_rule" "private_az2" {
  security_group_id = aws_security_group.db.id
  description       = "Postgres from private subnet 2"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = element(module.vpc.private_subnets_cidr_blocks, 1)
}

resource "aws_vpc_security_group_ingress_rule" "public_az1" {
  security_group_id = aws_security_group.db.id
  description       = "Postgres from public subnet 1"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = element(module.vpc.public_subnets_cidr_blocks, 0)
}
