# on a group whose ingress is inline: the aws provider deletes it on every apply (flaps)
resource "awscc_ec2_security_group_ingress" "api_health" {
  group_id    = aws_security_group.api.id
  ip_protocol = "tcp"
  from_port   = 8081
  to_port     = 8081
  cidr_ip     = "10.0.0.0/16"
  description = "health checks"
}

# beside an aws_security_group_rule: each reads back only its own rule, no conflict
resource "awscc_ec2_security_group_ingress" "jobs_health" {
  group_id    = aws_security_group.jobs.id
  ip_protocol = "tcp"
  from_port   = 8081
  to_port     = 8081
  cidr_ip     = "10.0.0.0/16"
  description = "health checks"
}
