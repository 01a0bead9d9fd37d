variable "break_glass_enabled" {
  description = "Creates the break-glass bastion (SSH from anywhere)"
  type        = bool
  default     = false
}

module "break_glass" {
  source = "./modules/bastion"
  count  = var.break_glass_enabled ? 1 : 0
  name   = "break-glass"
}
