# A module reviewed on its own: one rule per element of a list passed in, empty by default.
variable "vpc_id" {
  type = string
}

variable "extra_ssh_cidrs" {
  type    = list(string)
  default = []
}

variable "bastion_names" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "this" {
  name_prefix = "app-"
  description = "application servers"
  vpc_id      = var.vpc_id
}

# what the callers pass: reported as theirs (low)
resource "aws_security_group_rule" "extra_ssh" {
  count             = length(var.extra_ssh_cidrs)
  type              = "ingress"
  description       = "SSH from ${var.extra_ssh_cidrs[count.index]}"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [var.extra_ssh_cidrs[count.index]]
  security_group_id = aws_security_group.this.id
}

# hard-coded: SSH from the internet for every bastion a caller names
resource "aws_security_group_rule" "bastion_ssh" {
  count             = length(var.bastion_names)
  type              = "ingress"
  description       = "SSH for bastion ${var.bastion_names[count.index]}"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.this.id
}
