# one group for the interface endpoint and for hosts managed elsewhere (its id is an output)
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1"
  ingress {
    description = "https"
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

resource "aws_vpc_endpoint" "s3" {
  vpc_id             = "vpc-0a1"
  service_name       = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type  = "Interface"
  security_group_ids = [aws_security_group.web.id]
}

output "web_group_id" {
  value = aws_security_group.web.id
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1"
}

resource "aws_db_instance" "orders" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id]
}
