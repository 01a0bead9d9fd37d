# The website: opened to everyone once the partner preview ends.

variable "public_cidrs" {
  type = list(string)
}
resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  # sg-review:ignore new-internet-path public website, approved in SEC-123
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.public_cidrs
  }
}
resource "aws_instance" "web" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.web.id]
}
