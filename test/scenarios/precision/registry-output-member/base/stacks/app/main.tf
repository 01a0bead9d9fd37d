# The subnets' ranges are outputs of a registry module that is not read: unknown. The base
# allows the whole list of private ranges.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "Database"
}

resource "aws_security_group_rule" "postgres_from_private" {
  type              = "ingress"
  description       = "Postgres from the private subnets"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = module.vpc.private_subnets_cidr_blocks
  security_group_id = aws_security_group.db.id
}
