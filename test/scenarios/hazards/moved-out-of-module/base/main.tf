module "net" {
  source = "./modules/net"
}
resource "aws_instance" "vm" {
  vpc_security_group_ids = [module.net.web_id]
}
