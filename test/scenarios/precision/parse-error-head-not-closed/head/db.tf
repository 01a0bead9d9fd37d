resource "aws_security_group" "db" {
  name = "db"

  ingress {
    description = "PostgreSQL from the office network"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
