# A group only interface endpoints use (govwifi 8e43397 "Add 443 for SSM"): their network
# interfaces have private addresses only, so 443 from anywhere opens no path from the internet.
resource "aws_security_group" "vpc_endpoints" {
  name   = "vpc-endpoints"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    description = "HTTPS from anywhere"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = "vpc-0a1b2c3d"
  service_name       = "com.amazonaws.eu-west-2.ssm"
  vpc_endpoint_type  = "Interface"
  security_group_ids = [aws_security_group.vpc_endpoints.id]
}
