# the load balancer's group sends anything into the VPC; a group only an interface endpoint
# uses admits SSH from the VPC's range: no range hop leads into it
resource "aws_security_group" "lb" {
  name   = "lb"
  vpc_id = "vpc-0a1"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group" "shared" {
  name   = "shared"
  vpc_id = "vpc-0a1"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = "vpc-0a1"
  service_name       = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type  = "Interface"
  security_group_ids = [aws_security_group.shared.id]
}
