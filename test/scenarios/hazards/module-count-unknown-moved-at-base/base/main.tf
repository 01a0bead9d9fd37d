# The module call gained its count earlier, with a moved block from the unkeyed call. The count
# is not known here, so the module's blocks are module.web[*]: the moved block names the
# unkeyed instance only and renames nothing, at either revision.
variable "enabled" {
  type = bool
}

module "web" {
  source = "./modules/web"
  count  = var.enabled ? 1 : 0
}

moved {
  from = module.web
  to   = module.web[0]
}
