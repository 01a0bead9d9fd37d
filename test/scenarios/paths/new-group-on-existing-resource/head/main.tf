resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
    description = "https"
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
    description = "all"
  }
}
resource "aws_instance" "web" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.web.id]
}
resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-1"
}
resource "aws_db_instance" "main" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id, aws_security_group.db2.id]
}
resource "aws_security_group" "db2" {
  name   = "db2"
  vpc_id = "vpc-1"
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
    description     = "app"
  }
}
