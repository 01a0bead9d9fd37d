# a classic ELB (internet-facing by default) in front of the app tier
resource "aws_elb" "router" {
  subnets         = ["subnet-0123456789abcdef0"]
  security_groups = [aws_security_group.router.id]
  listener {
    lb_port           = 443
    lb_protocol       = "tcp"
    instance_port     = 8080
    instance_protocol = "tcp"
  }
}

resource "aws_security_group" "router" {
  name        = "router"
  description = "router load balancer"
  vpc_id      = "vpc-0123456789abcdef0"
  ingress {
    description = "HTTPS from anywhere"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    description     = "to the app"
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app servers"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "app_from_router" {
  type                     = "ingress"
  description              = "from the router"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.router.id
  security_group_id        = aws_security_group.app.id
}

resource "aws_instance" "app" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.app.id]
}

# an internet-facing ALB
resource "aws_lb" "admin" {
  internal        = false
  subnets         = ["subnet-0123456789abcdef0"]
  security_groups = [aws_security_group.admin.id]
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "admin load balancer"
  vpc_id      = "vpc-0123456789abcdef0"
}

# a group shared by a load balancer and an instance is not an entry tier
resource "aws_lb" "api" {
  subnets         = ["subnet-0123456789abcdef0"]
  security_groups = [aws_security_group.shared.id]
}

resource "aws_instance" "bastion" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.shared.id]
}

resource "aws_security_group" "shared" {
  name        = "shared"
  description = "api load balancer and bastion"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "admin_console" {
  type              = "ingress"
  description       = "admin console"
  from_port         = 8443
  to_port           = 8443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.admin.id
}

resource "aws_security_group_rule" "shared_https" {
  type              = "ingress"
  description       = "HTTPS"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.shared.id
}
