data "aws_prefix_list" "s3" {
  name = "com.amazonaws.eu-west-1.s3"
}

data "aws_prefix_list" "dynamodb" {
  name = "com.amazonaws.eu-west-1.dynamodb"
}

data "aws_prefix_list" "ec2" {
  name = "com.amazonaws.eu-west-1.ec2"
}

data "aws_ec2_managed_prefix_lists" "corporate" {
  tags = { team = "network" }
}

locals {
  endpoints = [data.aws_prefix_list.s3.id, data.aws_prefix_list.dynamodb.id]
  exporter  = { from_port = 9100, to_port = 9100 }
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "application servers"
}

resource "aws_security_group_rule" "node_exporter" {
  type              = "ingress"
  description       = "node exporter from the endpoints"
  from_port         = 9100
  to_port           = 9100
  protocol          = "tcp"
  prefix_list_ids = compact(split(",", lookup(local.exporter, "prefix_list_ids", join(",", local.endpoints))))
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  description       = "https from the endpoints"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  prefix_list_ids = tolist(distinct(concat(local.endpoints, [])))
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "http" {
  type              = "ingress"
  description       = "http from the endpoints"
  from_port         = 80
  to_port           = 80
  protocol          = "tcp"
  prefix_list_ids = flatten([local.endpoints])
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "corporate" {
  type              = "ingress"
  description       = "ssh from the corporate prefix lists"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  prefix_list_ids = compact(split(",", join(",", data.aws_ec2_managed_prefix_lists.corporate.ids)))
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "corporate_admin" {
  type              = "ingress"
  description       = "admin from the corporate prefix lists"
  from_port         = 8443
  to_port           = 8443
  protocol          = "tcp"
  prefix_list_ids = concat(data.aws_ec2_managed_prefix_lists.corporate.ids, [])
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "metrics" {
  type              = "ingress"
  description       = "metrics from the endpoints"
  from_port         = 9090
  to_port           = 9090
  protocol          = "tcp"
  prefix_list_ids = compact(split(",", join(",", concat(local.endpoints, [data.aws_prefix_list.ec2.id]))))
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "grpc" {
  type              = "ingress"
  description       = "grpc from the endpoints"
  from_port         = 50051
  to_port           = 50051
  protocol          = "tcp"
  prefix_list_ids = split(",", join(";", local.endpoints))
  security_group_id = aws_security_group.app.id
}
