# Groups whose rules this configuration does not hold, attached to existing resources.
variable "extra_group_ids" {
  type = list(string)
}

data "aws_security_group" "legacy" {
  name = "launch-wizard-1"
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-1"
}

resource "aws_db_instance" "main" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  publicly_accessible    = true
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_instance" "worker" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_instance" "batch" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = var.extra_group_ids
}

resource "aws_instance" "tools" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = ["sg-0123456789abcdef0"]
}

resource "aws_instance" "web" {
  ami                         = "ami-1"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.db.id]
}
