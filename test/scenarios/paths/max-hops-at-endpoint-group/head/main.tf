resource "aws_security_group" "lb" {
  name   = "lb"
  vpc_id = "vpc-0a1"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    security_groups = [aws_security_group.shared.id]
  }
}

# only an interface endpoint uses it: a step, no target
resource "aws_security_group" "shared" {
  name   = "shared"
  vpc_id = "vpc-0a1"
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.lb.id]
  }
  egress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.db.id]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = "vpc-0a1"
  service_name       = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type  = "Interface"
  security_group_ids = [aws_security_group.shared.id]
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1"
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.shared.id]
  }
}
