# A reporting database listens on 443 and on 8443; an unrelated web tier on 443.
resource "aws_security_group" "reports_db" {
  name   = "reports-db"
  vpc_id = "vpc-1"
}

resource "aws_db_instance" "reports" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  port                   = 443
  publicly_accessible    = true
  vpc_security_group_ids = [aws_security_group.reports_db.id]
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
}

resource "aws_instance" "web" {
  ami                         = "ami-1"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.web.id]
}
