resource "awscc_ec2_security_group_ingress" "db_from_web" {
  group_name                 = "db"
  source_security_group_name = "web"
  ip_protocol                = "tcp"
  from_port                  = 5432
  to_port                    = 5432
  description                = "postgres from the web servers"
}
