# The database's group admits 5432 from anywhere, harmless while the database has private
# addresses only; making it publicly accessible opens it to the internet.
resource "aws_security_group" "reports_db" {
  name   = "reports-db"
  vpc_id = "vpc-0a1b2c"
  ingress {
    description = "postgres"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "reports" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  publicly_accessible    = true
  vpc_security_group_ids = [aws_security_group.reports_db.id]
}
