# a group only an interface endpoint uses, open to the world on SSH: no target of a path
resource "aws_security_group" "shared" {
  name   = "shared"
  vpc_id = "vpc-0a1"
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = "vpc-0a1"
  service_name       = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type  = "Interface"
  security_group_ids = [aws_security_group.shared.id]
}
