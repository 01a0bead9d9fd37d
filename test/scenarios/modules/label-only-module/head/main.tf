variable "name" {
  type    = string
  default = "app"
}

# label-only modules (the default `label_only_modules`): they create nothing, no finding
module "this" {
  source  = "cloudposse/label/null"
  version = "0.25.0"
  name    = var.name
}

module "legacy_label" {
  source = "git::https://github.com/cloudposse/terraform-null-label.git?ref=tags/0.16.0"
  name   = var.name
}

# the same names elsewhere are not on the list: each is reported
module "fork_label" {
  source = "git::https://github.com/someone/terraform-null-label.git?ref=tags/0.16.0"
  name   = var.name
}

module "pull_request_label" {
  source = "git::https://github.com/cloudposse/terraform-null-label.git?ref=refs/pull/1/head"
  name   = var.name
}

module "private_registry_label" {
  source  = "app.terraform.io/cloudposse/label/null"
  version = "0.25.0"
  name    = var.name
}

module "local_label" {
  source = "./cloudposse/label/null"
  name   = var.name
}
