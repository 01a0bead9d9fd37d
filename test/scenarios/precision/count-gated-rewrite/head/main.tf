variable "enable_ci" {
  type = number
}
variable "vpc_id" {
  type = string
}

resource "aws_security_group" "ci" {
  count       = var.enable_ci
  name        = "ci"
  vpc_id      = var.vpc_id
  description = "CI agents"
}

resource "aws_security_group" "ci_elb" {
  count       = var.enable_ci
  name        = "ci-elb"
  vpc_id      = var.vpc_id
  description = "CI load balancer"
}

resource "aws_security_group_rule" "ci_from_elb" {
  count                    = var.enable_ci
  type                     = "ingress"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  security_group_id        = aws_security_group.ci[0].id
  source_security_group_id = one(aws_security_group.ci_elb[*].id)
}

resource "aws_security_group_rule" "elb_https" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.ci_elb[0].id
}

resource "aws_security_group_rule" "elb_egress" {
  type                     = "egress"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  security_group_id        = aws_security_group.ci_elb[0].id
  source_security_group_id = aws_security_group.ci[0].id
}
