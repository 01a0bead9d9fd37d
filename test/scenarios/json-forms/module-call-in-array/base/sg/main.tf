variable "cidrs" {
  type = list(string)
}

resource "aws_security_group" "this" {
  name   = "web"
  vpc_id = "vpc-1"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}

resource "aws_instance" "a" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.this.id]
}
