variable "office_cidrs" {
  type    = "list"
  default = ["198.51.100.0/24", "203.0.113.0/24"]
}

variable "ports" {
  type = "map"

  default = {
    ssh = 22
  }
}

locals {
  vpn_cidrs = "${list("192.0.2.0/24")}"
  tags      = "${map("team", "platform")}"
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion"
  tags        = "${local.tags}"

  ingress {
    description = "SSH from the offices and the VPN"
    from_port   = "${lookup(var.ports, "ssh")}"
    to_port     = "${var.ports["ssh"]}"
    protocol    = "tcp"
    cidr_blocks = ["${var.office_cidrs}", "${local.vpn_cidrs}"]
  }
}

resource "aws_security_group_rule" "bastion_egress" {
  type              = "egress"
  description       = "SSH to the first office"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["${element(var.office_cidrs, 0)}"]
  security_group_id = "${aws_security_group.bastion.id}"
}
