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

# a second interface, in the bastion group and with a public address, on the database host:
# the host answers SSH from the world on it
resource "aws_network_interface" "extra" {
  subnet_id       = "subnet-public-1"
  security_groups = [aws_security_group.bastion.id]
}

resource "aws_network_interface_attachment" "extra" {
  instance_id          = aws_instance.db_host.id
  network_interface_id = aws_network_interface.extra.id
  device_index         = 1
}

resource "aws_eip" "extra" {
  domain            = "vpc"
  network_interface = aws_network_interface.extra.id
}

# an Elastic IP on the existing jump host: it now faces the internet in the bastion group
resource "aws_eip" "jump" {
  domain   = "vpc"
  instance = aws_instance.jump.id
}
