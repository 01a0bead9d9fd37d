module "label" {
  source  = "acme/label/null"
  version = "1.0.0"
}

variable "zone" {
  type    = string
  default = ""
}

variable "mode" {
  type    = string
  default = "provisioned"
}

variable "public" {
  type    = bool
  default = false
}

locals {
  enabled    = module.label.enabled
  serverless = var.mode == "serverless"
  vpc_cidrs  = ["10.0.0.0/16"]
}

# rewritten to the same value at the head: no finding
module "writer_dns" {
  source  = "acme/hostname/aws"
  version = "2.0.0"

  enabled = local.enabled && length(var.zone) > 0
  public  = var.public
  cidrs   = local.vpc_cidrs
}

# rewritten with the condition inverted: a real change
module "reader_dns" {
  source  = "acme/hostname/aws"
  version = "2.0.0"

  enabled = local.enabled && local.serverless
}
