resource "aws_security_group" "backup" {
  name = "backup"
  ingress {
    description = "ssh from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["192.0.2.0/24"]
  }
}
resource "aws_security_group" "jumpbox" {
  name = "jumpbox"
}
