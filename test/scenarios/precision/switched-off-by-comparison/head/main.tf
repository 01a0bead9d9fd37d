# A live root: the environment is chosen by whoever runs it (-var / a tfvars file kept
# outside the repository); the default is only the default.
variable "env" {
  default = "staging"
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"
}

# Exists in production only: the default must not hide it from the review.
resource "aws_security_group_rule" "ops_ssh" {
  count             = var.env == "production" ? 1 : 0
  description       = "Operators"
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.web.id
}
