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
}

resource "aws_security_group" "metrics" {
  name   = "metrics"
  vpc_id = "vpc-1"
}
