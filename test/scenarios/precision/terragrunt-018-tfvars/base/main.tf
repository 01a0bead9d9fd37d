# Terragrunt before 0.19 kept its own configuration in terraform.tfvars, under `terragrunt`,
# beside the variable values; Terraform 0.11 read both (HCL1 allows blocks in an object value).
variable "admin_cidrs" {
  type = "list"
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "bastion"
  vpc_id      = "vpc-1"
}

resource "aws_security_group_rule" "ssh_in" {
  type              = "ingress"
  description       = "ssh from admins"
  security_group_id = "${aws_security_group.bastion.id}"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["${var.admin_cidrs}"]
}
