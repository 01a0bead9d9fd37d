# Testers' addresses are passed in per environment (-var / TF_VAR_); none by default.
variable "tester_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "jumpbox" {
  name        = "jumpbox"
  description = "Jump hosts"
}

# Exists only where the list is set: the common "enabled when given" idiom.
resource "aws_security_group" "jumpbox_testers" {
  count       = length(var.tester_cidrs) > 0 ? 1 : 0
  name        = "jumpbox-testers"
  description = "Testers SSH"
}

resource "aws_security_group_rule" "testers_ssh" {
  count             = length(var.tester_cidrs) > 0 ? 1 : 0
  type              = "ingress"
  description       = "SSH for the testers"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.tester_cidrs
  security_group_id = aws_security_group.jumpbox_testers[0].id
}
