variable "break_glass_enabled" {
  description = "Creates the break-glass bastion (SSH from anywhere)"
  type        = bool
  default     = false
}

# the bastion is always created now
module "break_glass" {
  source = "./modules/bastion"
  name   = "break-glass"
}
