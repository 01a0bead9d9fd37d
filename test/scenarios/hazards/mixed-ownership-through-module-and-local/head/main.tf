module "lb" {
  source = "./modules/lb"
}

locals {
  lb_sg = module.lb.security_group_id
}

# the metrics agent needs to reach the collector
resource "aws_vpc_security_group_egress_rule" "metrics" {
  security_group_id = local.lb_sg
  description       = "metrics collector"
  ip_protocol       = "tcp"
  from_port         = 19999
  to_port           = 19999
  cidr_ipv4         = "10.0.0.0/16"
}
