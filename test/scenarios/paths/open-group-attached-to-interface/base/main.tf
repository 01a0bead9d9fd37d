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

resource "aws_security_group" "api" {
  name   = "api"
  vpc_id = "vpc-0a1"
}

resource "aws_instance" "api" {
  ami                         = "ami-0a1"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.api.id]
}
