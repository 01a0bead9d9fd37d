# The endpoints group drops its inline rule; the standalone rule beside it existed already and
# allows something else: no duplicate to warn of, only the rule left in AWS.
resource "aws_security_group" "endpoints" {
  name = "endpoints"
}

resource "aws_security_group" "app" {
  name = "app"
}

resource "aws_security_group_rule" "app_to_endpoints" {
  type                     = "ingress"
  security_group_id        = aws_security_group.endpoints.id
  protocol                 = "tcp"
  from_port                = 443
  to_port                  = 443
  source_security_group_id = aws_security_group.app.id
  description              = "app"
}
