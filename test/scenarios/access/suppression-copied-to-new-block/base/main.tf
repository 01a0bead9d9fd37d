resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  # sg-review:ignore new-ingress public website, approved in SEC-7
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
