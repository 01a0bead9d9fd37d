resource "awscc_ec2_security_group" "lb" {
  group_name        = "lb"
  group_description = "public load balancer"
  vpc_id            = "vpc-0a1b2c3d"
  security_group_ingress = [
    {
      description = "HTTPS from the internet"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ip     = "0.0.0.0/0"
    }
  ]
}

resource "awscc_ec2_security_group" "app" {
  group_name        = "app"
  group_description = "app servers"
  vpc_id            = "vpc-0a1b2c3d"
  security_group_ingress = [
    {
      description              = "app port from the load balancer"
      ip_protocol              = "tcp"
      from_port                = 8080
      to_port                  = 8080
      source_security_group_id = awscc_ec2_security_group.lb.group_id
    }
  ]
  security_group_egress = [
    {
      description                   = "postgres"
      ip_protocol                   = "tcp"
      from_port                     = 5432
      to_port                       = 5432
      destination_security_group_id = aws_security_group.db.id
    }
  ]
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "database"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = awscc_ec2_security_group.app.id
  description                  = "postgres from the app"
}

# a standalone rule on a group whose ingress is its list: the list's update revokes it
resource "awscc_ec2_security_group_ingress" "app_debug" {
  group_id    = awscc_ec2_security_group.app.id
  ip_protocol = "tcp"
  from_port   = 9000
  to_port     = 9000
  cidr_ip     = "10.0.0.0/16"
  description = "debug port from the VPC"
}
