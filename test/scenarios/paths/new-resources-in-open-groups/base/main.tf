# The web group is open on 443, the jump group on every TCP port: both before the change.
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c"
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "jump" {
  name   = "jump"
  vpc_id = "vpc-0a1b2c"
  ingress {
    description = "anything"
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web_a" {
  ami                    = "ami-0a1"
  vpc_security_group_ids = [aws_security_group.web.id]
}
