# the default VPC: instances name their groups (security_groups), groups have no vpc_id
resource "aws_security_group" "jump" {
  name = "jump"
  ingress {
    description = "admin shell"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "app" {
  name = "app"
}

resource "aws_instance" "app" {
  ami             = "ami-0a1"
  security_groups = [aws_security_group.app.name, "jump"]
}
