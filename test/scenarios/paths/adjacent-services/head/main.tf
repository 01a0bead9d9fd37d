# Ports written as separate rules stay apart in the path title, each with its service:
# 22, 23 and 24 are SSH, Telnet and 24/tcp, not "22-24/tcp"; 1433 and 1434 are both MSSQL and
# read as one range; an overlapping range and port read as the range.
resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"
  vpc_id      = "vpc-123"
}

resource "aws_instance" "app" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.app.id]
}

locals {
  world = ["0.0.0.0/0"]
  ports = {
    ssh    = 22
    telnet = 23
    other  = 24
    mssql  = 1433
    browse = 1434
  }
}

resource "aws_security_group_rule" "port" {
  for_each          = local.ports
  type              = "ingress"
  description       = each.key
  from_port         = each.value
  to_port           = each.value
  protocol          = "tcp"
  cidr_blocks       = local.world
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "app_range" {
  type              = "ingress"
  description       = "App ports"
  from_port         = 8000
  to_port           = 8010
  protocol          = "tcp"
  cidr_blocks       = local.world
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "app_port" {
  type              = "ingress"
  description       = "Main app port, inside the range"
  from_port         = 8005
  to_port           = 8005
  protocol          = "tcp"
  cidr_blocks       = local.world
  security_group_id = aws_security_group.app.id
}
