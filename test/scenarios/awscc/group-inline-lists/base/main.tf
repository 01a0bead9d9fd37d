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
    }
  ]
}
