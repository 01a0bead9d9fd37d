resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  for_each          = toset(["192.168.0.0/16", "10.0.0.0/8"])
  security_group_id = aws_security_group.app.id
  description       = "https"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = each.value
}
