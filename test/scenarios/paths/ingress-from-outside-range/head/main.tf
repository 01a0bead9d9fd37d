resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "public web server"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "https from anywhere"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "anywhere"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                         = "ami-12345678"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.web.id]
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "database"
  vpc_id      = aws_vpc.main.id
}

resource "aws_db_instance" "main" {
  identifier             = "main"
  engine                 = "postgres"
  vpc_security_group_ids = [aws_security_group.db.id]
}

# a partner range outside every VPC space: no group of the VPC has these addresses
resource "aws_security_group_rule" "db_from_partner" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  description       = "postgres from the partner"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["203.0.113.0/24"]
}
