# A rule whose source is a group read by a data source (0.11 index syntax): its title names
# the data source as what it is, and the group the rule is on by its whole address, however long.
data "aws_security_group" "bastion" {
  count = 1
  name  = "bastion"
}

resource "aws_security_group" "public_website_load_balancer_for_every_region" {
  name        = "app"
  description = "app"
}
