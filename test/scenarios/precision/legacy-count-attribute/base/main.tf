# Terraform 0.11: a group created with count = 1 is read as aws_security_group.workers.id
# (the single instance); the PR adds HTTPS from the control plane.
variable "existing_group_id" {
  default = ""
}

resource "aws_security_group" "control_plane" {
  name        = "control-plane"
  description = "Control plane"
}

resource "aws_security_group" "workers" {
  count       = "${var.existing_group_id == "" ? 1 : 0}"
  name        = "workers"
  description = "Workers"
}

resource "aws_security_group_rule" "workers_from_control_plane" {
  count                    = "${var.existing_group_id == "" ? 1 : 0}"
  description              = "Kubelet"
  type                     = "ingress"
  from_port                = 10250
  to_port                  = 10250
  protocol                 = "tcp"
  security_group_id        = "${aws_security_group.workers.id}"
  source_security_group_id = "${aws_security_group.control_plane.id}"
}
