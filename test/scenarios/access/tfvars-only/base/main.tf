variable "admin_cidrs" {
  type = list(string)
}
resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "bastion"
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}
