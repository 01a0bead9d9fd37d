# Health-check groups, one per chunk of a range list read at plan time: how many is not known
# here. A rule from every one of them names the group aws_security_group.checkers (as
# aws_security_group.checkers[*].id would), whichever way it is written.
data "aws_ip_ranges" "checkers" {
  services = ["route53_healthchecks"]
}

resource "aws_security_group" "checkers" {
  for_each = { for i, c in chunklist(data.aws_ip_ranges.checkers.cidr_blocks, 50) : i => c }
  name     = "checkers-${each.key}"
  vpc_id   = "vpc-1"
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
  ingress {
    description     = "health checks"
    protocol        = "tcp"
    from_port       = 8080
    to_port         = 8080
    security_groups = [for g in aws_security_group.checkers : g.id]
  }
}

resource "aws_security_group" "metrics" {
  name   = "metrics"
  vpc_id = "vpc-1"
}

resource "aws_security_group_rule" "metrics_from_checkers" {
  for_each                 = aws_security_group.checkers
  type                     = "ingress"
  security_group_id        = aws_security_group.metrics.id
  protocol                 = "tcp"
  from_port                = 9090
  to_port                  = 9090
  source_security_group_id = each.value.id
  description              = "metrics"
}
