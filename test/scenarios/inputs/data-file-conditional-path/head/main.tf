# the environment is not known here: either file may be read
variable "environment" {
  type = string
}

resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-1"

  ingress {
    description = "ssh from admins"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [yamldecode(file(var.environment == "prod" ? "${path.module}/prod.yaml" : "${path.module}/dev.yaml")).cidr]
  }
}
