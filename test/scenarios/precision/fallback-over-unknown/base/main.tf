# Overrides come from the pipeline (no default here); the defaults are in the code. Where the
# override is missing, null or empty, Terraform takes the default: widening it is seen.
variable "overrides" {
  type = map(string)
}

variable "extra" {
  type = list(string)
}

variable "site" {
  type = string
}

locals {
  default_office = "10.20.0.0/16"
  offices        = { office = "10.20.0.0/16" }
  office_by_site = { london = "10.20.0.0/16", paris = "10.3.0.0/16" }
  office_list    = ["10.20.0.0/16"]
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [try(var.overrides["office"], local.default_office)]
  }

  ingress {
    description = "rdp"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = [coalesce(var.overrides["office"], local.default_office)]
  }

  ingress {
    description = "postgres"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = coalescelist(var.extra, local.office_list)
  }

  ingress {
    description = "mysql"
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = [merge(local.offices, var.overrides)["office"]]
  }

  ingress {
    description = "redis"
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = [lookup(local.office_by_site, var.site, "10.2.0.0/16")]
  }
}
