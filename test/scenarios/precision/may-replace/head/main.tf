data "terraform_remote_state" "vpc" {
  backend = "s3"
  config = {
    bucket = "state"
    key    = "vpc.tfstate"
  }
}

data "fastly_ip_ranges" "fastly" {}

resource "aws_security_group" "cache" {
  name        = "cache"
  vpc_id      = data.terraform_remote_state.vpc.outputs.shared_vpc_id
  description = "Edge cache"

  ingress {
    description = "HTTPS from Fastly"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = data.fastly_ip_ranges.fastly.cidr_blocks
  }
}

resource "aws_instance" "edge" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.cache.id]
}
