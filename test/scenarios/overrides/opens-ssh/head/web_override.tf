# Terraform merges this into main.tf: the ingress block replaces the original one.
resource "aws_security_group" "web" {
  ingress {
    description = "ssh for debugging"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
