resource "aws_security_group" "api" {
  name        = "api"
  description = "api servers"
  vpc_id      = "vpc-0a1b2c3d"

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group" "jobs" {
  name        = "jobs"
  description = "job runners"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "jobs_metrics" {
  type              = "ingress"
  security_group_id = aws_security_group.jobs.id
  protocol          = "tcp"
  from_port         = 9100
  to_port           = 9100
  cidr_blocks       = ["10.0.0.0/16"]
  description       = "metrics scrapes"
}
