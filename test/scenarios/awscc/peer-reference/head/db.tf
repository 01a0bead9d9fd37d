# the database admits the public load balancer's group: the internet reaches it in two hops
resource "awscc_ec2_security_group_ingress" "from_lb" {
  group_id                 = aws_security_group.db.id
  ip_protocol              = "tcp"
  from_port                = 5432
  to_port                  = 5432
  source_security_group_id = aws_security_group.lb.id
  description              = "postgres from the load balancer"
}

# and itself, by its own id
resource "awscc_ec2_security_group_ingress" "replication" {
  group_id                 = aws_security_group.db.id
  ip_protocol              = "tcp"
  from_port                = 5432
  to_port                  = 5432
  source_security_group_id = aws_security_group.db.id
  description              = "replicas"
}
