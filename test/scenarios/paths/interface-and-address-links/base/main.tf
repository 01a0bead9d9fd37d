# The bastion group admits SSH from the world; the two instances have private addresses only.
resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-1"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-1"
}

resource "aws_instance" "db_host" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_instance" "jump" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.bastion.id]
}
