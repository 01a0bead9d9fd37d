variable "vpc_id" {
  type    = string
  default = "vpc-0123456789abcdef0"
}

# set per environment by the pipeline's -var-file
variable "vpns" {
  type = list(object({
    name  = string
    cidrs = list(string)
  }))
  default = []
}

locals {
  vpns    = { for v in var.vpns : v.name => v }
  retired = []
}
