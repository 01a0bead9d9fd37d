# A registry module that cannot be read offline. The call's text does not change; the local it
# passes does: the module may now open what it was given to the internet.
locals {
  office = ["0.0.0.0/0"]
}

module "web_sg" {
  source              = "terraform-aws-modules/security-group/aws"
  version             = "5.1.0"
  name                = "web"
  ingress_cidr_blocks = local.office
  ingress_rules       = ["ssh-tcp"]
}
