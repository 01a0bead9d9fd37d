variable "enabled" {
  type        = bool
  description = "set by the caller's pipeline"
}

resource "aws_security_group" "shared" {
  name_prefix = "shared-"
  description = "shared by the workers"
}

resource "aws_security_group" "other" {
  name_prefix = "other-"
  description = "another team's group"
}

module "created" {
  source  = "./modules/sg"
  enabled = var.enabled
}

module "targeted" {
  source                   = "./modules/sg"
  enabled                  = var.enabled
  target_security_group_id = [aws_security_group.shared.id]
  other_security_group_id  = aws_security_group.other.id
}
