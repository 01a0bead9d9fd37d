variable "admin_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/16"]
}
resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-1"
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}
