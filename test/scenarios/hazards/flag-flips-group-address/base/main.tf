variable "enabled" {
  type = bool
}

module "app_sg" {
  source  = "./modules/sg"
  enabled = var.enabled
}

resource "aws_instance" "app" {
  vpc_security_group_ids = [module.app_sg.id]
}
