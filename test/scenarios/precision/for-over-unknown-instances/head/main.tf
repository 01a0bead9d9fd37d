# One subnet per availability zone: how many, and their ranges, are known only at plan time.
data "aws_availability_zones" "zones" {}

resource "aws_subnet" "x" {
  for_each   = toset(data.aws_availability_zones.zones.names)
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
}

resource "aws_security_group" "g" {
  name   = "g"
  vpc_id = "vpc-1"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [for s in aws_subnet.x : s.cidr_block]
  }
}
