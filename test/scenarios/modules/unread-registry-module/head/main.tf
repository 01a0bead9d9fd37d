module "web_sg" {
  source  = "acme/security-group/aws"
  version = "~> 4.0"

  ingress_rules       = ["https-443-tcp", "ssh-tcp"]
  ingress_cidr_blocks = ["0.0.0.0/0"]
}
