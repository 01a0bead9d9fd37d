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

# publicly accessible, given the console wizard's group: high
resource "aws_db_instance" "main" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  publicly_accessible    = true
  vpc_security_group_ids = [aws_security_group.db.id, data.aws_security_group.legacy.id]
}

# private addresses, given groups set outside: medium
resource "aws_instance" "worker" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = concat([aws_security_group.db.id], var.extra_group_ids)
}

# the same outside groups as at the base: nothing
resource "aws_instance" "batch" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = var.extra_group_ids
}

# one literal group swapped for another: medium, no less known than before
resource "aws_instance" "tools" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = ["sg-0fedcba9876543210"]
}

# new: a new resource's groups are reviewed through their rules, nothing here
resource "aws_instance" "new" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [data.aws_security_group.legacy.id]
}

resource "aws_instance" "web" {
  ami                         = "ami-1"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.db.id]
}

# the wizard's group on the public instance's primary interface: high, as written inline
resource "aws_network_interface_sg_attachment" "web" {
  security_group_id    = data.aws_security_group.legacy.id
  network_interface_id = aws_instance.web.primary_network_interface_id
}

# a second interface in the wizard's group, with an Elastic IP, on the private worker: high
resource "aws_network_interface" "extra" {
  subnet_id       = "subnet-1"
  security_groups = [data.aws_security_group.legacy.id]
}

resource "aws_network_interface_attachment" "extra" {
  instance_id          = aws_instance.worker.id
  network_interface_id = aws_network_interface.extra.id
  device_index         = 1
}

resource "aws_eip" "extra" {
  domain            = "vpc"
  network_interface = aws_network_interface.extra.id
}
