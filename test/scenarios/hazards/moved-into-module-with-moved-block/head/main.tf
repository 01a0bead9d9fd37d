module "net" {
  source = "./modules/net"
}
resource "aws_instance" "vm" {
  vpc_security_group_ids = [module.net.web_id]
}
moved {
  from = aws_security_group.web
  to   = module.net.aws_security_group.web
}
