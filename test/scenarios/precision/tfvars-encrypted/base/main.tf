variable "admin_cidr" {
  default = "10.0.0.0/8"
}
resource "aws_security_group" "a" {
  name = "a"
}
