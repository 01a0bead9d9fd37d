data "terraform_remote_state" "network" {
  backend = "s3"

  config {
    bucket = "state"
    key    = "network.tfstate"
    region = "eu-west-2"
  }
}

resource "aws_security_group_rule" "bastion_ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "${data.terraform_remote_state.network.bastion_sg_id}"
  description       = "SSH to the bastion"
}

resource "aws_security_group_rule" "app_from_bastion" {
  type                     = "ingress"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = "${data.terraform_remote_state.network.bastion_sg_id}"
  security_group_id        = "${data.terraform_remote_state.network.app_sg_id}"
  description              = "App from the bastion"
}
