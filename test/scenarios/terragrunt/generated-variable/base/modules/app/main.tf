resource "aws_security_group" "review" {
  count = var.env == "staging" ? 1 : 0
  name  = "review"
}
