resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-1"
}
resource "aws_db_instance" "main" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id]
}
