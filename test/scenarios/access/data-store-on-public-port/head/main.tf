# A reporting database listens on 443 and on 8443; an unrelated web tier on 443.
resource "aws_security_group" "reports_db" {
  name   = "reports-db"
  vpc_id = "vpc-1"

  # the database's own port, open to the world: critical, though 443 is allowed to be public
  ingress {
    description = "reports"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
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

  # a web server on 443: allowed to be public, low
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                         = "ami-1"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.web.id]
}
