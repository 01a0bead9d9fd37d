resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
  vpc_id      = "vpc-1"
}

resource "aws_security_group_rule" "web_in" {
  type                     = "ingress"
  security_group_id        = aws_security_group.web.id
  protocol                 = "tcp"
  from_port                = 80
  to_port                  = 80
  source_security_group_id = aws_security_group.web.id
  description              = "from itself"
}
