# The VPC's default group is open to the world; nothing used it.
resource "aws_default_security_group" "default" {
  vpc_id = "vpc-1"

  ingress {
    description = "legacy"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# no groups written: AWS places it in the default group, which the internet reaches: critical
resource "aws_db_instance" "reports" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  publicly_accessible = true
}

# private addresses only: reached through the tiers, no finding of its own
resource "aws_instance" "worker" {
  ami           = "ami-1"
  instance_type = "t3.micro"
}

# groups from its launch template: not the default group
resource "aws_instance" "templated" {
  associate_public_ip_address = true
  launch_template {
    id = "lt-1"
  }
}

# an empty list of groups is no group: the default group, critical
resource "aws_db_instance" "archive" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  publicly_accessible    = true
  vpc_security_group_ids = []
}
