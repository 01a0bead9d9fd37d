resource "aws_security_group" "review" {
  count = var.env == "staging" ? 1 : 0
  name  = "review"
}

resource "aws_security_group_rule" "review_https" {
  count             = var.env == "staging" ? 1 : 0
  type              = "ingress"
  security_group_id = aws_security_group.review[0].id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["0.0.0.0/0"]
  description       = "staging only"
}
