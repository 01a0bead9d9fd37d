# Protocol -1 (all) with ports other than 0: the provider refuses it in an inline block, so
# the apply fails and the block opens nothing; a standalone rule ignores the ports.
variable "health_port" {
  type = number
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"
  vpc_id      = "vpc-123"

  ingress {
    description = "Everything from the VPC"
    from_port   = 0
    to_port     = 65535
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    description = "SSH, meant as tcp"
    from_port   = 22
    to_port     = 22
    protocol    = "all"
    cidr_blocks = ["0.0.0.0/0"]
  }

  # ports not known before apply: not known to be refused, so all traffic as before
  ingress {
    description = "Health checks"
    from_port   = var.health_port
    to_port     = var.health_port
    protocol    = "-1"
    cidr_blocks = ["10.2.0.0/16"]
  }

  # the accepted form
  egress {
    description = "Everything to the VPC"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group" "worker" {
  name        = "worker"
  description = "Workers"
  vpc_id      = "vpc-123"
}

# a standalone rule with -1 and ports is accepted: AWS ignores the ports, all traffic opens
resource "aws_security_group_rule" "worker_from_vpc" {
  type              = "ingress"
  security_group_id = aws_security_group.worker.id
  description       = "Everything from the VPC"
  from_port         = 0
  to_port           = 65535
  protocol          = "-1"
  cidr_blocks       = ["10.1.0.0/16"]
}
