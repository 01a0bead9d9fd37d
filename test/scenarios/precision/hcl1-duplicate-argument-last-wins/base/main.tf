# Terraform 0.11 accepted an argument written twice with different values and kept the last
# one; HCL2 rejects it. The head removes the first copy: nothing else changes, so nothing opens,
# although the group is open to the internet on SSH at both revisions.
resource "aws_security_group" "ops" {
  name        = "ops"
  description = "ops"
  vpc_id      = "vpc-1"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_cloudwatch_metric_alarm" "memory" {
  alarm_name          = "ops-memory"
  metric_name         = "CPUUtilization"
  namespace           = "AWS/ECS"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  period              = 60
  statistic           = "Average"
  threshold           = 80
  metric_name         = "MemoryUtilization"
}
