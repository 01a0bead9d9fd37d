# A module that adds its rules to a group the caller passes in; none is given here.
variable "target_ids" {
  type    = list(string)
  default = []
}

# AWS refuses the empty fallback as a target, so the rule lands on the group a caller sets:
# it is reported on what the target is written as, with the severity of what it opens.
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = try(var.target_ids[0], "")
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  description       = "SSH from anywhere"
}
