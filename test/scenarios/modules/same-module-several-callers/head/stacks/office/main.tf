module "bastion" {
  source    = "../../modules/bastion"
  vpc_id    = "vpc-0123456789abcdef0"
  ssh_cidrs = ["192.0.2.0/24"]
}
