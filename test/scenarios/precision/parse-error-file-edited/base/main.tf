resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion hosts"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name = "cpu"
  threshold  =
}
