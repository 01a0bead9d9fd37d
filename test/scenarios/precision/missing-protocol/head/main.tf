# Rules without a required argument: Terraform rejects the configuration, so they open
# nothing. Only an argument that is not written at all counts: a value that evaluates to
# null or is unknown may be set outside the repository and stays "all protocols assumed".
variable "extra_rules" {
  type    = any
  default = {}
}

variable "rule" {
  type    = any
  default = {}
}

data "aws_ssm_parameter" "ports" {
  name = "/app/ports"
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"
  vpc_id      = "vpc-123"

  # no protocol
  ingress {
    description = "HTTPS from anywhere"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  # no ports
  ingress {
    description = "Everything from the VPC"
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }

  # a protocol that evaluates to null (the variable may be set outside): assumed all
  ingress {
    description = "From the rule variable"
    from_port   = 8080
    to_port     = 8080
    protocol    = lookup(var.rule, "protocol", null)
    cidr_blocks = ["10.1.0.0/16"]
  }

  # a dynamic block whose items are unknown: its protocol is unknown, not missing
  dynamic "ingress" {
    for_each = jsondecode(data.aws_ssm_parameter.ports.value)
    content {
      description = "Ports from the parameter store"
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = ingress.value.protocol
      cidr_blocks = ["10.2.0.0/16"]
    }
  }

  # a dynamic block whose content does not write the protocol: missing for every item
  dynamic "egress" {
    for_each = { https = 443, dns = 53 }
    content {
      description = "To the VPC: ${egress.key}"
      from_port   = egress.value
      to_port     = egress.value
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}

resource "aws_security_group" "api" {
  name        = "api"
  description = "API servers"
  vpc_id      = "vpc-123"
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "Admin UI"
  vpc_id      = "vpc-123"
}

# no to_port
resource "aws_security_group_rule" "admin_from_office" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  description       = "Admin UI from the office"
  from_port         = 8443
  protocol          = "tcp"
  cidr_blocks       = ["192.168.0.0/16"]
}

# no ip_protocol
resource "aws_vpc_security_group_ingress_rule" "api_from_vpc" {
  security_group_id = aws_security_group.api.id
  description       = "API from the VPC"
  from_port         = 8443
  to_port           = 8443
  cidr_ipv4         = "10.0.0.0/8"
}

# ports are optional on the vpc rule resources: -1 without them is all traffic
resource "aws_vpc_security_group_egress_rule" "api_to_vpc" {
  security_group_id = aws_security_group.api.id
  description       = "Everything to the VPC"
  ip_protocol       = "-1"
  cidr_ipv4         = "10.0.0.0/8"
}
