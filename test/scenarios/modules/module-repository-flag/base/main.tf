# A module repository: its root is a reusable module, reviewed by the registry's users
# through their own calls; the repository itself calls it only from its examples.
variable "vpc_id" {
  type = string
}

variable "enable_admin_access" {
  description = "Opens SSH to admin_cidrs."
  type        = bool
  default     = false
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

resource "aws_security_group" "this" {
  name_prefix = "app-"
  vpc_id      = var.vpc_id
}

resource "aws_security_group_rule" "https" {
  description       = "HTTPS from the VPC"
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.this.id
}
