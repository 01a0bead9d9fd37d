resource "aws_security_group" "a" {
  name        = "a"
  description = "a"
  ingress {
    description = "d"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    security_groups = [aws_security_group.b.id]
  }
}
resource "aws_security_group" "b" {
  name        = "b"
  description = "b"
  ingress {
    description = "d"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    security_groups = [aws_security_group.a.id]
  }
}
