resource "awscc_ec2_security_group" "web" {
  group_name        = "web"
  group_description = "web servers"
  vpc_id            = "vpc-0a1b2c3d"
  security_group_ingress = [
    {
      description = "HTTPS from the internet"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ip     = "0.0.0.0/0"
    },
    {
      description = "SSH for the on-call"
      ip_protocol = "tcp"
      from_port   = 22
      to_port     = 22
      cidr_ip     = "0.0.0.0/0"
    }
  ]
  # an egress list replaces the allow-all rule AWS creates with the group
  security_group_egress = [
    {
      description = "HTTPS out"
      ip_protocol = "tcp"
      from_port   = 443
      to_port     = 443
      cidr_ip     = "0.0.0.0/0"
    }
  ]
}
