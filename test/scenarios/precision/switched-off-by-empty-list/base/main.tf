# Testers' addresses are passed in per environment (-var / TF_VAR_); none by default.
variable "tester_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "jumpbox" {
  name        = "jumpbox"
  description = "Jump hosts"
}
