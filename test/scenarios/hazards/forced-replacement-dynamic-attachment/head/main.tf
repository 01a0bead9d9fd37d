# The service attaches the group through a dynamic block over a local, and joins it with
# groups its callers pass (registry ECS modules write it so).
variable "network_mode" {
  type    = string
  default = "awsvpc"
}

variable "security_group_ids" {
  type = list(string)
}

locals {
  network_configuration = {
    security_groups = flatten(concat([aws_security_group.service.id], var.security_group_ids))
    subnets         = ["subnet-0a1b2c3d"]
  }
}

resource "aws_security_group" "service" {
  name_prefix = "api-service-"
  description = "API service"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "aws_ecs_service" "api" {
  name = "api"

  dynamic "network_configuration" {
    for_each = var.network_mode == "awsvpc" ? [local.network_configuration] : []
    content {
      security_groups = network_configuration.value.security_groups
      subnets         = network_configuration.value.subnets
    }
  }
}
