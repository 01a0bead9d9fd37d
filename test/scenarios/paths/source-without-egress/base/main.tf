resource "aws_security_group" "lb" {
  name        = "lb"
  description = "lb"
  ingress {
    description = "d"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
}
