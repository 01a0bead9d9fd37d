variable "vpc_id" {}
resource "aws_security_group" "this" {
  name   = "web"
  vpc_id = var.vpc_id
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
resource "aws_instance" "vm" {
  vpc_security_group_ids = [aws_security_group.this.id]
}
