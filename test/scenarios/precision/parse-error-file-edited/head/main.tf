resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion hosts"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name = "cpu"
  threshold  =
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.bastion.id
  description       = "SSH"
}
