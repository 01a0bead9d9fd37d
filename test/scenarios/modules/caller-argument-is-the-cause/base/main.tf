module "lb" {
  source = "./modules/lb"
  vpc_id = "vpc-123"

  rules = {
    http = {
      type        = "ingress"
      from_port   = 80
      to_port     = 80
      protocol    = "http"
      description = "HTTP web traffic"
      cidr_blocks = ["0.0.0.0/0"]
    }
    to_vpc = {
      type        = "egress"
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      description = "To the VPC"
      cidr_blocks = ["10.0.0.0/16"]
    }
  }
}

module "admin" {
  source = "./modules/lb"
  vpc_id = "vpc-123"

  rules = {
    ssh = {
      type        = "ingress"
      from_port   = 22
      to_port     = 22
      protocol    = "ssh"
      description = "SSH from the office"
      cidr_blocks = ["198.51.100.0/24"]
    }
  }
}
