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
  description       = "x"
  from_port         = 1
  to_port           = 1
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
}
resource "aws_security_group" "other" {
  name        = "other"
  description = "other"
}
