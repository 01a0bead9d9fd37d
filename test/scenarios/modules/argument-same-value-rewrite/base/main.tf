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

# rewritten to the same value at the head: no finding
module "writer_dns" {
  source  = "acme/hostname/aws"
  version = "2.0.0"

  enabled = module.label.enabled && length(var.zone) > 0 ? true : false
  public  = var.public ? true : false
  cidrs   = ["10.0.0.0/16"]
}

# rewritten with the condition inverted: a real change
module "reader_dns" {
  source  = "acme/hostname/aws"
  version = "2.0.0"

  enabled = module.label.enabled && var.mode != "serverless" ? true : false
}
