variable "allowed_cidrs" {
  type = list(string)
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion hosts"
}
