resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  # sg-review:ignore new-ingress public website, approved in SEC-123
  ingress {
    description = "d"
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
