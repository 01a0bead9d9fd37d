resource "aws_security_group" "alb" {
  name = "alb"
}

resource "aws_security_group" "admin" {
  name = "admin"
}

resource "aws_security_group" "app" {
  name = "app"

  ingress {
    from_port       = 0
    to_port         = 65535
    protocol        = "tcp"
    security_groups = [aws_security_group.alb.id]
  }
}

resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port       = 0
    to_port         = 65535
    protocol        = "tcp"
    security_groups = [aws_security_group.alb.id]
  }
}
