variable "partner_cidrs" {
  type = list(string)
}
resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  ingress {
    description = "partner"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.partner_cidrs
  }
}
