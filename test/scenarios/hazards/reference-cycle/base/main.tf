resource "aws_security_group" "a" {
  name        = "a"
  description = "a"
}
resource "aws_security_group" "b" {
  name        = "b"
  description = "b"
}
