resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
}
resource "aws_instance" "vm" {
  vpc_security_group_ids = [aws_security_group.app.id]
}
