resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-1"
}
resource "aws_db_instance" "main" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_security_group" "n1" {
  name   = "n1"
  vpc_id = "vpc-1"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
    description = "hop"
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
    description = "hop"
  }
}
resource "aws_instance" "n1" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.n1.id]
}
resource "aws_security_group" "n2" {
  name   = "n2"
  vpc_id = "vpc-1"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    security_groups = [aws_security_group.n1.id]
    description = "hop"
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
    description = "hop"
  }
}
resource "aws_instance" "n2" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.n2.id]
}
resource "aws_security_group" "n3" {
  name   = "n3"
  vpc_id = "vpc-1"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    security_groups = [aws_security_group.n2.id]
    description = "hop"
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
    description = "hop"
  }
}
resource "aws_instance" "n3" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.n3.id]
}
resource "aws_security_group" "n4" {
  name   = "n4"
  vpc_id = "vpc-1"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    security_groups = [aws_security_group.n3.id]
    description = "hop"
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
    description = "hop"
  }
}
resource "aws_instance" "n4" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.n4.id]
}
resource "aws_security_group_rule" "db_from_app" {
  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  from_port                = 443
  to_port                  = 443
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.n4.id
  description              = "app"
}
