# The rules do not change: the data sources they read do (what they look up, so what they find).
data "aws_security_group" "clients" {
  name = "internal-tools"
}

data "aws_ec2_managed_prefix_list" "admins" {
  filter {
    name   = "prefix-list-name"
    values = ["office"]
  }
}

data "aws_security_group" "monitoring" {
  name   = "monitoring"
  vpc_id = "vpc-0a1b2c3d"
}

# read later, finds the same parameter: no finding
data "aws_ssm_parameter" "vpn_cidr" {
  name = "/net/vpn-cidr"
}

resource "terraform_data" "admin_cidr" {
  input = "10.0.0.0/16"
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    description     = "PostgreSQL from the clients"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [data.aws_security_group.clients.id]
  }

  ingress {
    description     = "metrics from monitoring"
    from_port       = 9187
    to_port         = 9187
    protocol        = "tcp"
    security_groups = [data.aws_security_group.monitoring.id]
  }
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    description     = "SSH from the admins"
    from_port       = 22
    to_port         = 22
    protocol        = "tcp"
    prefix_list_ids = [data.aws_ec2_managed_prefix_list.admins.id]
  }

  ingress {
    description = "SSH from the admin range"
    from_port   = 2222
    to_port     = 2222
    protocol    = "tcp"
    cidr_blocks = [terraform_data.admin_cidr.output]
  }

  ingress {
    description = "SSH from the VPN"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [data.aws_ssm_parameter.vpn_cidr.value]
  }
}

# the rule is reworded too: still the changed data source behind it
data "aws_ssm_parameter" "partner_cidr" {
  name = "/net/partner-cidr"
}

resource "aws_security_group" "partner" {
  name   = "partner"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "partner_https" {
  type              = "ingress"
  description       = "HTTPS from the partner"
  security_group_id = aws_security_group.partner.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = [data.aws_ssm_parameter.partner_cidr.value]
}
