module "this" {
  source  = "cloudposse/label/null"
  version = "0.25.0"
}

variable "security_groups" {
  type    = list(string)
  default = ["sg-0123456789abcdef0"]
}

# new: a public range
variable "cidrs" {
  type    = list(string)
  default = ["10.0.0.0/16", "203.0.113.0/24"]
}

# the inline rules move to one rule per element; the count is unknown (module.this is not
# read), the lists are known: each rule's peer is one of their elements
resource "aws_security_group" "db" {
  name        = "db"
  description = "database"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "from_groups" {
  count                    = module.this.enabled ? length(var.security_groups) : 0
  description              = "postgres from the app groups"
  type                     = "ingress"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = var.security_groups[count.index]
  security_group_id        = aws_security_group.db.id
}

resource "aws_security_group_rule" "from_cidrs" {
  count             = module.this.enabled ? length(var.cidrs) : 0
  description       = "postgres from the VPC"
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = [element(var.cidrs, count.index)]
  security_group_id = aws_security_group.db.id
}
