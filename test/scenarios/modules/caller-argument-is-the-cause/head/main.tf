# Each call fixes its rule's protocol (AWS refuses "http" and "ssh", so nothing opened)
# while the module's local that gates the rules also changes (its value stays true): each
# finding sits on the caller's changed argument, and the module's unchanged rule is related.
# module.admin's rule existed at the base only as an invalid rule: still unchanged.
module "lb" {
  source = "./modules/lb"
  vpc_id = "vpc-123"

  rules = {
    http = {
      type        = "ingress"
      from_port   = 80
      to_port     = 80
      protocol    = "tcp"
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
      protocol    = "tcp"
      description = "SSH from the office"
      cidr_blocks = ["198.51.100.0/24"]
    }
  }
}
