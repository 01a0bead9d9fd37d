# What every unit of the environment allows in.
locals {
  admin_cidrs = ["10.0.0.0/8"]
}
