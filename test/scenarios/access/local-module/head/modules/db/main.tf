variable "cidrs" {}
resource "aws_security_group" "this" {
  name        = "this"
  description = "this"
  ingress {
    description = "mysql"
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}
output "id" {
  value = aws_security_group.this.id
}
