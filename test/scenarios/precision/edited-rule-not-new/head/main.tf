resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    from_port   = 8080
    to_port     = 8090
    protocol    = "tcp"
    cidr_blocks = ["10.2.0.0/16"]
  }
}

resource "aws_security_group_rule" "metrics" {
  type              = "ingress"
  from_port         = 9100
  to_port           = 9100
  protocol          = "tcp"
  cidr_blocks       = ["10.2.0.0/16"]
  security_group_id = aws_security_group.monitoring.id
}

resource "aws_security_group" "monitoring" {
  name        = "monitoring"
  description = "Monitoring"
  vpc_id      = "vpc-0123456789abcdef0"
}
