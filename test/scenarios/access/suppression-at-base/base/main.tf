resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  # sg-review:ignore new-ingress partner range, approved in SEC-123
  ingress {
    description = "partner"
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/25"]
  }
}
