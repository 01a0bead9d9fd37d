resource "aws_security_group" "jumpbox" {
  name = "jumpbox"
}
