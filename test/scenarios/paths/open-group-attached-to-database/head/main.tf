resource "aws_security_group" "jump" {
  name   = "jump"
  vpc_id = "vpc-0a1"
  ingress {
    description = "admin shell"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "orders_db" {
  name   = "orders-db"
  vpc_id = "vpc-0a1"
}

resource "aws_instance" "jump" {
  ami                    = "ami-0a1"
  vpc_security_group_ids = [aws_security_group.jump.id]
}

resource "aws_db_instance" "orders" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.orders_db.id, aws_security_group.jump.id]
}
