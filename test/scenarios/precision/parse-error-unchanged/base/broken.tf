resource "aws_security_group" "old" {
  name = 
}
