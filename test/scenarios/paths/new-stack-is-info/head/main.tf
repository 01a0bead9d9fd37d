resource "aws_security_group" "lb" {
  name        = "lb"
  description = "lb"
  ingress {
    description = "d"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    description = "d"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}
resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  ingress {
    description = "d"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    security_groups = [aws_security_group.lb.id]
  }
  egress {
    description = "d"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    security_groups = [aws_security_group.db.id]
  }
}
resource "aws_security_group" "db" {
  name        = "db"
  description = "db"
  ingress {
    description = "d"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}
resource "aws_db_instance" "main" {
  vpc_security_group_ids = [aws_security_group.db.id]
}
