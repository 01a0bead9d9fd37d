resource "aws_security_group" "lb" {
  name        = "lb"
  description = "lb"
  egress {
    description = "d"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
resource "aws_security_group_rule" "extra" {
  type              = "egress"
  security_group_id = aws_security_group.lb.id
  description       = "metrics"
  from_port         = 19999
  to_port           = 19999
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
}
