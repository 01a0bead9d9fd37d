# Terraform 0.11 flattened a list written inside a list, `["${data.aws_subnet_ids.all.ids}"]`;
# 0.12 upgrades wrote the list itself. The same value reaches the module: nothing changed.
# A string wrapped in a list is a list of one: unwrapping it is a change (the `admin` call).
variable "admin_group_id" {
  type = string
}

data "aws_subnet_ids" "all" {
  vpc_id = "vpc-1"
}

module "elb" {
  source  = "terraform-aws-modules/elb/aws"
  version = "1.4.0"
  name    = "web"
  subnets = data.aws_subnet_ids.all.ids
}

module "admin" {
  source          = "terraform-aws-modules/elb/aws"
  version         = "1.4.0"
  name            = "admin"
  security_groups = var.admin_group_id
}
